/**
 * How users of a connection authenticate to AFAS: `classic` = the OTP flow's AfasToken (ends on
 * 31 August 2027), `oauth` = authorization code + PKCE, `both` = classic users keep working while
 * new sign-ins use OAuth.
 */
export type AfasAuthMode = 'classic' | 'oauth' | 'both';

export const AFAS_AUTH_MODES: readonly AfasAuthMode[] = ['classic', 'oauth', 'both'];

/** How one activation authenticates; absent on rows from before OAuth = classic. */
export type ActivationAuthKind = 'classic' | 'oauth';

/** A connection's OAuth settings. The client secret is not here: it lives sealed in the store. */
export interface ConnectionOAuth {
  readonly authMode: AfasAuthMode;
  /** The OAuth client id AFAS shows on the app connector; null while only classic is used. */
  readonly clientId: string | null;
  /** AFAS documents no scope values: empty = no scope parameter is sent. */
  readonly scope: string;
}

export const CLASSIC_ONLY: ConnectionOAuth = { authMode: 'classic', clientId: null, scope: '' };

/** Whether new activations of this connection sign in with OAuth instead of the e-mailed code. */
export function signsInWithOAuth(settings: ConnectionOAuth): boolean {
  return settings.authMode !== 'classic' && settings.clientId !== null;
}

/** The one fixed path AFAS redirects back to; the admin registers PUBLIC_URL + this path in AFAS. */
export const OAUTH_CALLBACK_PATH = '/auth/afas/callback';

export function oauthRedirectUri(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${OAUTH_CALLBACK_PATH}`;
}
