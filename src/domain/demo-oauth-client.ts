/**
 * The OAuth client of the embedded sandbox's demo app connector (see sandbox/oauth/oauth-clients.ts,
 * which must agree). Opens nothing real; demo mode uses it when AFAS_OAUTH_CLIENT_* are unset.
 */
export const DEMO_OAUTH_CLIENT = { clientId: 'afas-for-teams-demo', clientSecret: 'demo-oauth-secret-5de7a1f0c4b2e9d8' } as const;
