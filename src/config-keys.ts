/**
 * Every environment key the product reads, with its default and meaning. The README's configuration
 * table and `.env.example` are kept in step with this list by a test.
 */
export interface ConfigKeyDoc {
  readonly name: string;
  readonly default: string;
  readonly description: string;
}

export const CONFIG_KEYS: readonly ConfigKeyDoc[] = [
  { name: 'PORT', default: '3978', description: 'HTTP port for the bot endpoint, tab, API and (demo) sandbox.' },
  { name: 'HOST', default: '0.0.0.0; 127.0.0.1 when MicrosoftAppId is empty', description: 'Interface to listen on. Without a bot app id only a loopback address is accepted (the server refuses to start on any other).' },
  { name: 'PUBLIC_URL', default: 'http://localhost:{PORT}', description: 'The https URL Teams reaches this service on (tab pages, manifest, links).' },
  { name: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug or trace.' },
  { name: 'LOG_FORMAT', default: 'pretty in demo mode, else json', description: 'json (one JSON object per line, for log collectors) or pretty (readable lines).' },
  { name: 'METRICS_TOKEN', default: '(unset: /metrics is open)', description: 'When set, /metrics requires Authorization: Bearer <token> (secret).' },
  { name: 'DATA_DIR', default: './data', description: 'Where the embedded SQLite database and the demo encryption key live.' },
  { name: 'MicrosoftAppId', default: '(empty)', description: 'The Azure Bot app (client) id. Empty = local development: unauthenticated, loopback only.' },
  { name: 'MicrosoftAppPassword', default: '(empty)', description: 'The bot app secret (secret).' },
  { name: 'MicrosoftAppType', default: 'SingleTenant', description: 'SingleTenant, MultiTenant or UserAssignedMSI.' },
  { name: 'MicrosoftAppTenantId', default: '(empty)', description: 'The Entra ID tenant of a SingleTenant bot.' },
  { name: 'BOT_OPENID_METADATA_URL', default: 'the public cloud\'s (login.botframework.com)', description: 'Where the Bot Framework publishes the keys that sign requests to /api/messages; set it only for a sovereign cloud.' },
  { name: 'TEAMS_APP_ID', default: 'MicrosoftAppId', description: 'The Teams app id (a GUID) in the app package built by npm run package. Keep it across versions: Teams tells apps apart by it.' },
  { name: 'APP_VERSION', default: 'the version in package.json', description: 'Version of the Teams app package (major.minor.patch). Raise it for every package you upload again.' },
  { name: 'TEAMS_DEVELOPER_NAME', default: 'AFAS for Teams', description: 'The publisher Teams shows with the app, usually your organisation (at most 32 characters).' },
  { name: 'TEAMS_DEVELOPER_URL', default: 'PUBLIC_URL', description: "The publisher's website, linked from the app's details in Teams (https)." },
  { name: 'TEAMS_PRIVACY_URL', default: 'TEAMS_DEVELOPER_URL', description: 'Your privacy statement, linked from the app\'s details in Teams (https).' },
  { name: 'TEAMS_TERMS_URL', default: 'TEAMS_DEVELOPER_URL', description: 'Your terms of use, linked from the app\'s details in Teams (https).' },
  { name: 'AFAS_ENVIRONMENT', default: '(unset)', description: 'The default AFAS environment: O12345AA, T12345AA, A12345AA, or a participant number (production).' },
  { name: 'AFAS_BASE_URL', default: '(unset)', description: 'Instead of AFAS_ENVIRONMENT: the full .../ProfitRestServices URL (https; http only for localhost).' },
  { name: 'AFAS_API_KEY', default: '(unset)', description: "The app connector's API key (API-sleutel), 32 hex characters (secret)." },
  { name: 'AFAS_ENVIRONMENT_KEY', default: '(unset)', description: "The app connector's environment key (Omgevingssleutel), 32 hex characters (secret)." },
  { name: 'AFAS_AUTH_MODE', default: 'classic', description: 'How users of the default connection sign in to AFAS: classic (the e-mailed code; AFAS ends these tokens on 31 August 2027), oauth (authorization code + PKCE), or both (classic users keep working, new sign-ins use OAuth). Register PUBLIC_URL/auth/afas/callback as the redirect URI in AFAS.' },
  { name: 'AFAS_OAUTH_CLIENT_ID', default: '(unset; the sandbox\'s demo client in demo mode)', description: "The OAuth client id of the AFAS app connector; required when AFAS_AUTH_MODE is oauth or both." },
  { name: 'AFAS_OAUTH_CLIENT_SECRET', default: '(unset; the sandbox\'s demo client in demo mode)', description: 'The OAuth client secret of the AFAS app connector (secret).' },
  { name: 'AFAS_OAUTH_SCOPE', default: '(empty: no scope is sent)', description: 'The scope to ask AFAS for at sign-in (AFAS documents no values; set what your app connector needs).' },
  { name: 'AFAS_TASKS_CONNECTOR', default: 'Teams_Tasks', description: 'GetConnector with the user\'s tasks (a copy of Pocket_Tasks in the app connector).' },
  { name: 'AFAS_SIGNALS_CONNECTOR', default: 'Teams_Signals', description: 'GetConnector with the user\'s signals (a copy of Pocket_Signals).' },
  { name: 'AFAS_INSITE_URL', default: 'https://{nr}.afasinsite.nl', description: 'AFAS InSite, where "Open AFAS" leads.' },
  { name: 'AFAS_TASK_URL_TEMPLATE', default: '(unset)', description: 'Link to one task, with {field} placeholders from the task row, e.g. https://12345.afasinsite.nl/taak?id={guid_task}.' },
  { name: 'AFAS_SIGNAL_URL_TEMPLATE', default: '(unset)', description: 'Link to one signal, with {field} placeholders from the signal row.' },
  { name: 'AFAS_DEFAULT_TASKS_URL', default: 'AFAS_INSITE_URL', description: 'Where a click goes when no item link can be built (the InSite "Mijn taken" page).' },
  { name: 'AFAS_TASK_ACTIONS', default: 'true', description: 'false = no actions on tasks for this connection (no workflow connector is read or posted to); true = actions where the App connector has the connectors below.' },
  { name: 'AFAS_SUBJECT_TASKS_CONNECTOR', default: 'Profit_Subject_Tasks', description: 'GetConnector with the workflow and step of each open task (acting on tasks).' },
  { name: 'AFAS_WORKFLOW_ACTIONS_CONNECTOR', default: 'Profit_Workflowactions', description: 'GetConnector with the actions a workflow step offers (acting on tasks).' },
  { name: 'AFAS_TASK_REACTION_CONNECTOR', default: 'KnSubjectWorkflowReaction', description: 'UpdateConnector that takes an action or a reaction on a task.' },
  { name: 'AFAS_USE_DEFAULT_TASKS_URL', default: 'false', description: 'true = every click goes to AFAS_DEFAULT_TASKS_URL (for when deep links end on a 404 page).' },
  { name: 'AFAS_ALLOWED_BASE_URLS', default: '(unset)', description: 'Comma-separated .../ProfitRestServices URLs that app owners may give a connection besides AFAS Online environments (O12345AA); e.g. a proxy or an older afasonlineconnector.nl address.' },
  { name: 'AFAS_TIMEOUT_MS', default: '30000', description: 'How long one AFAS request may take before it fails with afas_timeout.' },
  { name: 'AFAS_MAX_ROWS', default: '500', description: 'Hard cap on rows read from one connector for one user.' },
  { name: 'POLL_INTERVAL_MINUTES', default: '5', description: "Minutes between two reads of a user's signals (and tasks, when they want task notifications) for notifications; at least 1. Was SIGNAL_POLL_INTERVAL, which is still read, with a warning at startup, when this key is unset." },
  { name: 'DATABASE_URL', default: '(unset)', description: 'postgres://... selects PostgreSQL; unset selects embedded SQLite in DATA_DIR.' },
  { name: 'REDIS_URL', default: '(unset)', description: 'redis://... runs several replicas side by side: notification jobs (BullMQ), Teams and AFAS limits, AFAS maintenance pauses and inbound de-duplication are shared through this Redis. Needs DATABASE_URL (PostgreSQL). Unset: one process, all in memory.' },
  { name: 'TOKEN_ENCRYPTION_KEY', default: '(generated in demo mode)', description: 'Base64 of 32 random bytes; encrypts AFAS tokens and keys at rest. Required outside demo mode (secret).' },
  { name: 'TOKEN_ENCRYPTION_PREVIOUS_KEYS', default: '(unset)', description: 'Comma-separated older keys, still accepted for reading while secrets are re-encrypted (secret).' },
  { name: 'DEMO', default: 'true when neither AFAS_BASE_URL nor AFAS_ENVIRONMENT is set', description: 'Demo mode: the embedded AFAS sandbox is the AFAS connection and is served under /sandbox.' },
  { name: 'PLAYGROUND', default: 'true in demo mode', description: 'Start the Microsoft 365 Agents Playground (a local Teams-like chat) with npm start. Needs an empty MicrosoftAppId.' },
  { name: 'PLAYGROUND_PORT', default: '56150', description: 'Preferred Playground port; when taken another one is used and printed.' },
  { name: 'TAB_SSO_AUDIENCE', default: 'api://{PUBLIC_URL host}/{MicrosoftAppId} when MicrosoftAppId is set', description: "The audience of the Teams SSO tokens the tab API accepts: the manifest's webApplicationInfo.resource (comma-separated for more than one, e.g. also the bare app id for v2 tokens)." },
  { name: 'TAB_SSO_JWKS_URL', default: 'https://login.microsoftonline.com/common/discovery/v2.0/keys', description: "Where Entra ID's token signing keys are fetched (and cached) from." },
  { name: 'TAB_ALLOWED_TENANTS', default: 'MicrosoftAppTenantId', description: 'Comma-separated Entra tenant ids whose users may use the tab, or * for any. Required for a MultiTenant bot. Demo mode also admits the local development tenant.' },
  { name: 'APP_OWNERS', default: '(unset)', description: 'Comma-separated UPNs of app owners for every tenant: they may change connections, access and owners (tab admin, /api/admin). More owners are added by owners themselves or with npm run admin -- owners add.' },
  { name: 'SANDBOX_SIGNAL_INTERVAL_SECONDS', default: '900', description: 'Demo mode: the sandbox creates a new signal for each activated user after this many seconds plus a random part of as many again (default: every 15-30 minutes; 0 = never).' },
];

/** A key that was renamed: still read when its replacement is unset, and reported at startup. */
export interface DeprecatedConfigKey {
  readonly name: string;
  readonly replacedBy: string;
  /** Why it was renamed, for the startup warning. */
  readonly reason: string;
}

export const DEPRECATED_CONFIG_KEYS: readonly DeprecatedConfigKey[] = [
  { name: 'SIGNAL_POLL_INTERVAL', replacedBy: 'POLL_INTERVAL_MINUTES', reason: 'it paces task polling as well as signals' },
];

/**
 * Variables passed on to child processes (the Playground) so they run like the parent: the rest of
 * the environment, secrets included, stays with this process.
 */
export const INHERITED_ENV_KEYS: readonly string[] = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];
