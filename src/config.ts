import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { AfasEnvironmentError, insiteUrlFor, normaliseBaseUrl, resolveAfasEnvironment } from './domain/afas-environment';
import { DEFAULT_TASK_ACTION_SETTINGS } from './domain/task-action';
import type { ConfiguredConnectionSettings, ConnectionSecrets } from './domain/afas-connection';
import { AppError } from './domain/app-error';
import { DEPRECATED_CONFIG_KEYS, INHERITED_ENV_KEYS } from './config-keys';
import { type AfasOAuthConfig, parseAfasOAuth } from './config-oauth';
import { DEMO_OAUTH_CLIENT } from './domain/demo-oauth-client';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** The default AFAS connection as configured through the AFAS_* keys: its settings (but the name) and its keys. */
export type AfasConnectionConfig = Omit<ConfiguredConnectionSettings, 'name'> & ConnectionSecrets;

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly logLevel: LogLevel;
  readonly logFormat: 'json' | 'pretty';
  readonly dataDir: string;
  /** Bearer token for /metrics; null = open (put it behind a private network then). */
  readonly metricsToken: string | null;
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    readonly tenantId: string;
    /** Where the Bot Framework publishes the keys that sign Teams' requests; null = the public cloud's. */
    readonly openIdMetadataUrl: string | null;
  };
  /** What `npm run package` writes into the Teams app package; null = the documented fallback. */
  readonly teamsApp: TeamsAppConfig;
  readonly demo: boolean;
  /** Null in demo mode (the sandbox is the connection) or when AFAS is only configured per tenant by admins. */
  readonly afas: AfasConnectionConfig | null;
  /** How the default connection's users authenticate (AFAS_AUTH_MODE, AFAS_OAUTH_*). */
  readonly afasOAuth: AfasOAuthConfig;
  /** AFAS_ALLOWED_BASE_URLS, normalised: base URLs other than AFAS Online that app owners may give a connection. */
  readonly afasAllowedBaseUrls: readonly string[];
  readonly afasTimeoutMs: number;
  readonly afasMaxRows: number;
  /** Notification polling: how often each user's lists are read. */
  readonly notifications: { readonly pollIntervalMs: number };
  readonly databaseUrl: string | null;
  /** REDIS_URL: several replicas share jobs, limits and de-duplication through it; null = one process, all in memory. */
  readonly redisUrl: string | null;
  /** Base64 keys; null current key means demo mode generates one in DATA_DIR. */
  readonly encryption: { readonly currentKey: string | null; readonly previousKeys: readonly string[] };
  readonly sandbox: { readonly signalIntervalMs: number };
  readonly playground: { readonly enabled: boolean; readonly port: number };
  /** How the tab API checks Teams SSO tokens. */
  readonly tab: TabConfig;
  /** UPNs (lower case) from APP_OWNERS: owners of every tenant for as long as they are listed. */
  readonly appOwners: readonly string[];
  /** The few variables a child process inherits (see INHERITED_ENV_KEYS). */
  readonly childEnv: Readonly<Record<string, string>>;
  /** One sentence per deprecated key that is set (DEPRECATED_CONFIG_KEYS); startup logs each as a warning. */
  readonly deprecations: readonly string[];
}

export interface TeamsAppConfig {
  readonly appId: string | null;
  readonly version: string | null;
  readonly developerName: string;
  readonly developerUrl: string | null;
  readonly privacyUrl: string | null;
  readonly termsUrl: string | null;
}

export interface TabConfig {
  /** Accepted `aud` values of a Teams SSO token; empty = no Entra token is accepted (local development). */
  readonly ssoAudiences: readonly string[];
  /** Where Entra ID publishes its signing keys. */
  readonly jwksUrl: string;
  /** Tenant ids whose users may use the tab; `*` = any tenant. */
  readonly allowedTenants: readonly string[];
}

/** Startup stops with this: one message listing every bad key, never a secret value. */
export class ConfigError extends AppError {
  constructor(readonly problems: readonly string[]) {
    super('config_invalid', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const HEX32 = /^[0-9a-fA-F]{32}$/;
const BOOL = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// Teams takes only major.minor.patch with digits: no pre-release or build suffix.
const TEAMS_VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const CONNECTOR = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be a GetConnector name (letters, digits, _ . -)');

function httpsUrl(allowTemplate: boolean) {
  return z.string().refine((value) => {
    try {
      // Links may carry a query string (InSite pages take ids there); only scheme and host are checked.
      const url = allowTemplate ? value.replace(/\{[A-Za-z0-9_]+\}/g, 'x') : value;
      normaliseBaseUrl(url.split(/[?#]/)[0]);
      return true;
    } catch {
      return false;
    }
  }, 'must be an https:// URL (http:// only for localhost)');
}

const base64Key = z.string().refine((v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, 'must be base64 of exactly 32 bytes (openssl rand -base64 32)');

/** Reads `.env` when present, then parses `process.env`. The only reader of `process.env`. */
export function loadConfig(): AppConfig {
  if (existsSync('.env')) loadDotenv({ path: '.env', quiet: true });
  return parseConfig(process.env);
}

/** Parses and checks every key at once; throws ConfigError listing all problems. */
export function parseConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const read = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    const name = isSet(env[key]) ? key : (DEPRECATED_CONFIG_KEYS.find((d) => d.replacedBy === key && isSet(env[d.name]))?.name ?? key);
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const result = schema.safeParse(raw.trim());
    if (result.success) return result.data;
    problems.push(`${name} ${result.error.issues[0]?.message ?? 'is invalid'}`);
    return fallback;
  };
  const optional = <T>(key: string, schema: z.ZodType<T>): T | null => read<T | null>(key, schema, null);

  const port = read('PORT', z.coerce.number().int().min(0).max(65535), 3978);
  const appId = read('MicrosoftAppId', z.string(), '');
  const host = read('HOST', z.string().min(1), appId === '' ? '127.0.0.1' : '0.0.0.0');
  if (appId === '' && !isLoopbackHost(host)) {
    problems.push(`HOST=${host} with an empty MicrosoftAppId would let anyone who reaches this interface use the bot unauthenticated, as any user: set MicrosoftAppId (with MicrosoftAppPassword) so Teams' requests are authenticated, or leave HOST unset (127.0.0.1)`);
  }
  const publicUrl = read('PUBLIC_URL', httpsUrl(false), `http://localhost:${port}`).replace(/\/+$/, '');
  const logLevel = read<LogLevel>('LOG_LEVEL', z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']), 'info');
  const dataDir = read('DATA_DIR', z.string(), './data');
  const appType = read('MicrosoftAppType', z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']), 'SingleTenant');
  const appPassword = read('MicrosoftAppPassword', z.string(), '');
  const tenantId = read('MicrosoftAppTenantId', z.string(), '');
  if (appId !== '' && appType === 'SingleTenant' && tenantId === '') problems.push('MicrosoftAppTenantId is required for a SingleTenant bot');

  const environment = optional('AFAS_ENVIRONMENT', z.string());
  const baseUrlRaw = optional('AFAS_BASE_URL', z.string());
  const demo = read('DEMO', BOOL, environment === null && baseUrlRaw === null);
  const afas = demo ? null : parseAfas(env, environment, baseUrlRaw, problems, read, optional);

  const databaseUrl = optional('DATABASE_URL', z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL (unset it to use embedded SQLite)'));
  const redisUrl = optional('REDIS_URL', z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL (unset it to run as one process)'));
  if (redisUrl !== null && databaseUrl === null) problems.push('REDIS_URL needs DATABASE_URL (PostgreSQL): several replicas cannot share the embedded SQLite database; set DATABASE_URL=postgres://... or unset REDIS_URL');
  const currentKey = optional('TOKEN_ENCRYPTION_KEY', base64Key);
  const previousKeys = read('TOKEN_ENCRYPTION_PREVIOUS_KEYS', z.string().transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean)).pipe(z.array(base64Key)), []);
  if (!demo && !env.TOKEN_ENCRYPTION_KEY?.trim()) problems.push('TOKEN_ENCRYPTION_KEY is required outside demo mode');

  const config: AppConfig = {
    port,
    host,
    publicUrl,
    logLevel,
    logFormat: read('LOG_FORMAT', z.enum(['json', 'pretty']), demo ? 'pretty' : 'json'),
    dataDir,
    metricsToken: optional('METRICS_TOKEN', z.string().min(16, 'must be at least 16 characters')),
    bot: { appId, appPassword, appType, tenantId, openIdMetadataUrl: optional('BOT_OPENID_METADATA_URL', httpsUrl(false)) },
    teamsApp: {
      appId: optional('TEAMS_APP_ID', z.string().regex(GUID, 'must be a GUID such as 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b')),
      version: optional('APP_VERSION', z.string().regex(TEAMS_VERSION, 'must be major.minor.patch with digits only, such as 1.2.0')),
      developerName: read('TEAMS_DEVELOPER_NAME', z.string().max(32, 'must be at most 32 characters'), 'AFAS for Teams'),
      developerUrl: optional('TEAMS_DEVELOPER_URL', httpsUrl(false)),
      privacyUrl: optional('TEAMS_PRIVACY_URL', httpsUrl(false)),
      termsUrl: optional('TEAMS_TERMS_URL', httpsUrl(false)),
    },
    demo,
    afas,
    afasOAuth: parseAfasOAuth(read, demo ? DEMO_OAUTH_CLIENT : null, problems),
    afasAllowedBaseUrls: read('AFAS_ALLOWED_BASE_URLS', BASE_URL_LIST, []),
    afasTimeoutMs: read('AFAS_TIMEOUT_MS', z.coerce.number().int().min(1000).max(900_000), 30_000),
    afasMaxRows: read('AFAS_MAX_ROWS', z.coerce.number().int().min(1).max(10_000), 500),
    notifications: { pollIntervalMs: read('POLL_INTERVAL_MINUTES', z.coerce.number().min(1, 'must be at least 1 (minute)').max(1440), 5) * 60_000 },
    databaseUrl,
    redisUrl,
    encryption: { currentKey, previousKeys },
    sandbox: { signalIntervalMs: read('SANDBOX_SIGNAL_INTERVAL_SECONDS', z.coerce.number().min(0).max(86_400), 900) * 1000 },
    playground: { enabled: read('PLAYGROUND', BOOL, demo), port: read('PLAYGROUND_PORT', z.coerce.number().int().min(0).max(65535), 56150) },
    tab: parseTab(read, appId, appType, tenantId, publicUrl, problems),
    appOwners: read('APP_OWNERS', UPN_LIST, []),
    childEnv: Object.fromEntries(INHERITED_ENV_KEYS.flatMap((key) => (env[key] === undefined ? [] : [[key, env[key] as string]]))),
    deprecations: deprecationsIn(env),
  };
  if (config.playground.enabled && appId !== '') problems.push('PLAYGROUND needs an empty MicrosoftAppId (the Playground talks to an unauthenticated bot); set PLAYGROUND=false');
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

const isSet = (raw: string | undefined): raw is string => raw !== undefined && raw.trim() !== '';

function deprecationsIn(env: Env): string[] {
  return DEPRECATED_CONFIG_KEYS.filter((d) => isSet(env[d.name])).map((d) =>
    isSet(env[d.replacedBy])
      ? `${d.name} is deprecated and ignored because ${d.replacedBy} is set: remove ${d.name}`
      : `${d.name} is deprecated: rename it to ${d.replacedBy} (${d.reason}); it is still read for now`,
  );
}

/** Names and addresses that only this machine can reach: the unauthenticated bot may listen on these alone. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || /^::ffff:127(\.\d{1,3}){3}$/.test(bare);
}

type Read = <T>(key: string, schema: z.ZodType<T>, fallback: T) => T;
type Optional = <T>(key: string, schema: z.ZodType<T>) => T | null;

function parseAfas(env: Env, environment: string | null, baseUrlRaw: string | null, problems: string[], read: Read, optional: Optional): AfasConnectionConfig | null {
  if (environment !== null && baseUrlRaw !== null) problems.push('AFAS_ENVIRONMENT and AFAS_BASE_URL are both set: set only one');
  const source = baseUrlRaw !== null ? 'AFAS_BASE_URL' : 'AFAS_ENVIRONMENT';
  const input = baseUrlRaw ?? environment;
  if (input === null) return null;
  let resolved: ReturnType<typeof resolveAfasEnvironment> | null = null;
  try {
    resolved = resolveAfasEnvironment(input);
    if (source === 'AFAS_ENVIRONMENT' && /^https?:/i.test(input)) problems.push('AFAS_ENVIRONMENT must be an environment name or number; put a URL in AFAS_BASE_URL');
    if (source === 'AFAS_BASE_URL' && !/^https?:/i.test(input)) problems.push('AFAS_BASE_URL must be a full URL; put an environment name in AFAS_ENVIRONMENT');
  } catch (error) {
    problems.push(`${source} ${error instanceof AfasEnvironmentError ? error.message : 'is invalid'}`);
  }
  const key = (name: string) => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required when ${source} is set`);
    else if (!HEX32.test(value)) problems.push(`${name} must be 32 hexadecimal characters, as AFAS shows it in the app connector`);
    return value ?? '';
  };
  const apiKey = key('AFAS_API_KEY');
  const environmentKey = key('AFAS_ENVIRONMENT_KEY');
  const participantInsite = resolved?.participant ? insiteUrlFor(resolved.participant) : null;
  const insiteUrl = read('AFAS_INSITE_URL', httpsUrl(false), participantInsite ?? '');
  if (insiteUrl === '') problems.push('AFAS_INSITE_URL is required when AFAS_BASE_URL names no participant number');
  return {
    environment: input,
    baseUrl: resolved?.baseUrl ?? '',
    insiteUrl,
    apiKey,
    environmentKey,
    tasksConnector: read('AFAS_TASKS_CONNECTOR', CONNECTOR, 'Teams_Tasks'),
    signalsConnector: read('AFAS_SIGNALS_CONNECTOR', CONNECTOR, 'Teams_Signals'),
    taskUrlTemplate: optional('AFAS_TASK_URL_TEMPLATE', httpsUrl(true)),
    signalUrlTemplate: optional('AFAS_SIGNAL_URL_TEMPLATE', httpsUrl(true)),
    defaultTasksUrl: read('AFAS_DEFAULT_TASKS_URL', httpsUrl(false), insiteUrl),
    useDefaultTasksUrl: read('AFAS_USE_DEFAULT_TASKS_URL', BOOL, false),
    taskActions: {
      enabled: read('AFAS_TASK_ACTIONS', BOOL, DEFAULT_TASK_ACTION_SETTINGS.enabled),
      subjectTasksConnector: read('AFAS_SUBJECT_TASKS_CONNECTOR', CONNECTOR, DEFAULT_TASK_ACTION_SETTINGS.subjectTasksConnector),
      workflowActionsConnector: read('AFAS_WORKFLOW_ACTIONS_CONNECTOR', CONNECTOR, DEFAULT_TASK_ACTION_SETTINGS.workflowActionsConnector),
      reactionConnector: read('AFAS_TASK_REACTION_CONNECTOR', CONNECTOR, DEFAULT_TASK_ACTION_SETTINGS.reactionConnector),
    },
  };
}

const BASE_URL_LIST = z.string().transform((v, ctx) => {
  const urls: string[] = [];
  for (const entry of v.split(',').map((u) => u.trim()).filter(Boolean)) {
    try {
      urls.push(normaliseBaseUrl(entry));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must list full .../ProfitRestServices URLs (https; http only for localhost), comma-separated' });
      return z.NEVER;
    }
  }
  return urls;
});

const UPN_LIST = z
  .string()
  .transform((v) => [...new Set(v.split(',').map((u) => u.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must list user principal names (name@example.com), comma-separated')));

const TENANT_LIST = z
  .string()
  .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(z.string().refine((t) => t === '*' || GUID.test(t), 'must list tenant ids (GUIDs), comma-separated, or *')));

function parseTab(read: Read, appId: string, appType: string, tenantId: string, publicUrl: string, problems: string[]): TabConfig {
  // Teams asks Entra ID for a token whose audience is the manifest's webApplicationInfo.resource.
  const defaultAudience = appId === '' ? [] : [`api://${new URL(publicUrl).host}/${appId}`];
  const ssoAudiences = read('TAB_SSO_AUDIENCE', z.string().transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean)), defaultAudience);
  const allowedTenants = read('TAB_ALLOWED_TENANTS', TENANT_LIST, tenantId === '' ? [] : [tenantId]);
  if (appId !== '' && appType === 'MultiTenant' && allowedTenants.length === 0) problems.push('TAB_ALLOWED_TENANTS is required for a MultiTenant bot: the tenant ids whose users may use the tab, or *');
  return { ssoAudiences, jwksUrl: read('TAB_SSO_JWKS_URL', httpsUrl(false), 'https://login.microsoftonline.com/common/discovery/v2.0/keys'), allowedTenants };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
