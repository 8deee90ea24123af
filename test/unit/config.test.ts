import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../../src/config';
import { CONFIG_KEYS, DEPRECATED_CONFIG_KEYS, INHERITED_ENV_KEYS } from '../../src/config-keys';

const API_KEY = '0123456789abcdef0123456789abcdef';
const ENV_KEY = 'fedcba9876543210fedcba9876543210';
const ENC_KEY = Buffer.alloc(32, 7).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('starts in demo mode with every default when nothing is set', () => {
    const config = parseConfig({});
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('./data');
    expect(config.afas).toBeNull();
    expect(config.databaseUrl).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:3978');
    expect(config.sandbox.signalIntervalMs).toBe(900_000);
  });

  it('resolves an environment name to the production REST host and InSite', () => {
    const config = parseConfig({ AFAS_ENVIRONMENT: 'O12345AA', AFAS_API_KEY: API_KEY, AFAS_ENVIRONMENT_KEY: ENV_KEY, TOKEN_ENCRYPTION_KEY: ENC_KEY });
    expect(config.demo).toBe(false);
    expect(config.afas?.baseUrl).toBe('https://12345.rest.afas.online/ProfitRestServices');
    expect(config.afas?.insiteUrl).toBe('https://12345.afasinsite.nl');
    expect(config.afas?.defaultTasksUrl).toBe('https://12345.afasinsite.nl');
    expect(config.afas?.tasksConnector).toBe('Teams_Tasks');
    expect(config.afas?.signalsConnector).toBe('Teams_Signals');
  });

  it('task actions of the AFAS_* connection: on with AFAS\'s connector names by default, switchable and renamable', () => {
    const base = { AFAS_ENVIRONMENT: 'O12345AA', AFAS_API_KEY: API_KEY, AFAS_ENVIRONMENT_KEY: ENV_KEY, TOKEN_ENCRYPTION_KEY: ENC_KEY };
    expect(parseConfig(base).afas?.taskActions).toEqual({ enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' });
    const custom = parseConfig({ ...base, AFAS_TASK_ACTIONS: 'false', AFAS_SUBJECT_TASKS_CONNECTOR: 'Eigen_Taken', AFAS_WORKFLOW_ACTIONS_CONNECTOR: 'Eigen_Acties', AFAS_TASK_REACTION_CONNECTOR: 'Eigen_Reactie' });
    expect(custom.afas?.taskActions).toEqual({ enabled: false, subjectTasksConnector: 'Eigen_Taken', workflowActionsConnector: 'Eigen_Acties', reactionConnector: 'Eigen_Reactie' });
    expect(() => parseConfig({ ...base, AFAS_TASK_ACTIONS: 'maybe' })).toThrow(/AFAS_TASK_ACTIONS/);
  });

  it('reads test and acceptance environments and bare participant numbers', () => {
    const base = { AFAS_API_KEY: API_KEY, AFAS_ENVIRONMENT_KEY: ENV_KEY, TOKEN_ENCRYPTION_KEY: ENC_KEY };
    expect(parseConfig({ ...base, AFAS_ENVIRONMENT: 'T12345AA' }).afas?.baseUrl).toBe('https://12345.resttest.afas.online/ProfitRestServices');
    expect(parseConfig({ ...base, AFAS_ENVIRONMENT: 'A54321AB' }).afas?.baseUrl).toBe('https://54321.restaccept.afas.online/ProfitRestServices');
    expect(parseConfig({ ...base, AFAS_ENVIRONMENT: '12345' }).afas?.baseUrl).toBe('https://12345.rest.afas.online/ProfitRestServices');
  });

  it('lists every bad key in one error, without echoing secret values', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      AFAS_BASE_URL: 'http://afas.example.com/ProfitRestServices',
      AFAS_API_KEY: 'not-a-key-s3cr3t',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
    });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/AFAS_BASE_URL must use https/);
    expect(problems.join('\n')).toMatch(/AFAS_API_KEY must be 32 hexadecimal/);
    expect(problems.join('\n')).toMatch(/AFAS_ENVIRONMENT_KEY is required/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/TOKEN_ENCRYPTION_KEY is required outside demo mode/);
    expect(problems.join('\n')).not.toContain('s3cr3t');
  });

  it('refuses a non-loopback HOST without a bot app id, and accepts every loopback one', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'my-server.example']) {
      expect(problemsOf({ HOST: host })).toEqual([expect.stringMatching(new RegExp(`^HOST=${host.replace(/\./g, '\\.')} with an empty MicrosoftAppId .*MicrosoftAppId`))]);
    }
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) expect(problemsOf({ HOST: host })).toEqual([]);
    expect(problemsOf({ HOST: '0.0.0.0', MicrosoftAppId: 'app', MicrosoftAppTenantId: 't', PLAYGROUND: 'false' })).toEqual([]);
  });

  it('accepts http:// only for loopback AFAS URLs', () => {
    const base = { AFAS_API_KEY: API_KEY, AFAS_ENVIRONMENT_KEY: ENV_KEY, TOKEN_ENCRYPTION_KEY: ENC_KEY, AFAS_INSITE_URL: 'https://insite.example.nl' };
    expect(parseConfig({ ...base, AFAS_BASE_URL: 'http://127.0.0.1:9000/ProfitRestServices' }).afas?.baseUrl).toBe('http://127.0.0.1:9000/ProfitRestServices');
    expect(problemsOf({ ...base, AFAS_BASE_URL: 'http://10.0.0.5/ProfitRestServices' })).toEqual([expect.stringMatching(/^AFAS_BASE_URL must use https/)]);
  });

  it('reads the operator\'s allow-list of AFAS base URLs, and refuses an entry that is not one', () => {
    expect(parseConfig({}).afasAllowedBaseUrls).toEqual([]);
    expect(parseConfig({ AFAS_ALLOWED_BASE_URLS: ' https://afas-proxy.contoso.nl/ProfitRestServices/ , http://127.0.0.1:8080/ProfitRestServices' }).afasAllowedBaseUrls).toEqual([
      'https://afas-proxy.contoso.nl/ProfitRestServices',
      'http://127.0.0.1:8080/ProfitRestServices',
    ]);
    expect(problemsOf({ AFAS_ALLOWED_BASE_URLS: 'https://ok.example/ProfitRestServices,http://10.0.0.5/ProfitRestServices' })).toEqual([
      'AFAS_ALLOWED_BASE_URLS must list full .../ProfitRestServices URLs (https; http only for localhost), comma-separated',
    ]);
  });

  it('accepts link templates with a query string, and refuses plain http ones', () => {
    const base = { AFAS_ENVIRONMENT: 'O12345AA', AFAS_API_KEY: API_KEY, AFAS_ENVIRONMENT_KEY: ENV_KEY, TOKEN_ENCRYPTION_KEY: ENC_KEY };
    expect(parseConfig({ ...base, AFAS_TASK_URL_TEMPLATE: 'https://12345.afasinsite.nl/taak?id={guid_task}&x=1' }).afas?.taskUrlTemplate).toBe('https://12345.afasinsite.nl/taak?id={guid_task}&x=1');
    expect(problemsOf({ ...base, AFAS_SIGNAL_URL_TEMPLATE: 'http://insite.example.nl/signaal?id={guid_signal}' })).toEqual([expect.stringMatching(/^AFAS_SIGNAL_URL_TEMPLATE must be an https/)]);
  });

  it('refuses both AFAS_ENVIRONMENT and AFAS_BASE_URL at once', () => {
    const problems = problemsOf({ AFAS_ENVIRONMENT: 'O12345AA', AFAS_BASE_URL: 'https://12345.rest.afas.online/ProfitRestServices', AFAS_API_KEY: API_KEY, AFAS_ENVIRONMENT_KEY: ENV_KEY, TOKEN_ENCRYPTION_KEY: ENC_KEY });
    expect(problems).toEqual(['AFAS_ENVIRONMENT and AFAS_BASE_URL are both set: set only one']);
  });

  it('runs as one process without REDIS_URL, and refuses Redis next to SQLite with a sentence that says what to set', () => {
    expect(parseConfig({}).redisUrl).toBeNull();
    expect(parseConfig({ DATABASE_URL: 'postgres://db/app', REDIS_URL: 'redis://cache:6379' }).redisUrl).toBe('redis://cache:6379');
    expect(problemsOf({ REDIS_URL: 'redis://cache:6379' }).join('\n')).toMatch(/REDIS_URL needs DATABASE_URL \(PostgreSQL\)/);
    expect(problemsOf({ DATABASE_URL: 'postgres://db/app', REDIS_URL: 'http://cache' }).join('\n')).toMatch(/REDIS_URL must be a redis:\/\//);
  });

  it('rejects an encryption key that is not 32 bytes', () => {
    expect(problemsOf({ TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toEqual([expect.stringMatching(/^TOKEN_ENCRYPTION_KEY must be base64 of exactly 32 bytes/)]);
  });

  it('requires a tenant id for a single-tenant bot and listens on all interfaces once a bot app id is set', () => {
    expect(problemsOf({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', PLAYGROUND: 'false' })).toEqual(['MicrosoftAppTenantId is required for a SingleTenant bot']);
    const config = parseConfig({ MicrosoftAppId: 'id', MicrosoftAppTenantId: 'tenant', PLAYGROUND: 'false' });
    expect(config.host).toBe('0.0.0.0');
  });

  it('starts the Playground in demo mode only, and refuses it next to a real bot app id', () => {
    expect(parseConfig({}).playground).toEqual({ enabled: true, port: 56150 });
    expect(parseConfig({ PLAYGROUND: 'false' }).playground.enabled).toBe(false);
    expect(problemsOf({ MicrosoftAppId: 'id', MicrosoftAppTenantId: 't' })).toEqual([expect.stringMatching(/^PLAYGROUND needs an empty MicrosoftAppId/)]);
  });

  it('hands child processes only the inherited variables, never a secret', () => {
    const config = parseConfig({ PATH: '/usr/bin', MicrosoftAppPassword: 'pw', HOME: '/root' });
    expect(config.childEnv).toEqual({ PATH: '/usr/bin', HOME: '/root' });
  });

  it('reads the notification poll interval from POLL_INTERVAL_MINUTES, with no deprecation', () => {
    const config = parseConfig({ POLL_INTERVAL_MINUTES: '2' });
    expect(config.notifications.pollIntervalMs).toBe(2 * 60_000);
    expect(config.deprecations).toEqual([]);
    expect(parseConfig({}).notifications.pollIntervalMs).toBe(5 * 60_000);
    expect(problemsOf({ POLL_INTERVAL_MINUTES: '0' })).toEqual(['POLL_INTERVAL_MINUTES must be at least 1 (minute)']);
  });

  it('still reads the old SIGNAL_POLL_INTERVAL, and says at startup that it is deprecated', () => {
    const config = parseConfig({ SIGNAL_POLL_INTERVAL: '3' });
    expect(config.notifications.pollIntervalMs).toBe(3 * 60_000);
    expect(config.deprecations).toEqual([expect.stringMatching(/^SIGNAL_POLL_INTERVAL is deprecated: rename it to POLL_INTERVAL_MINUTES/)]);
    expect(problemsOf({ SIGNAL_POLL_INTERVAL: '0' })).toEqual(['SIGNAL_POLL_INTERVAL must be at least 1 (minute)']);
  });

  it('prefers POLL_INTERVAL_MINUTES when both names are set, and says the old one is ignored', () => {
    const config = parseConfig({ SIGNAL_POLL_INTERVAL: '3', POLL_INTERVAL_MINUTES: '7' });
    expect(config.notifications.pollIntervalMs).toBe(7 * 60_000);
    expect(config.deprecations).toEqual([expect.stringMatching(/^SIGNAL_POLL_INTERVAL is deprecated and ignored because POLL_INTERVAL_MINUTES is set/)]);
  });

  it('returns a frozen object', () => {
    const config = parseConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.bot)).toBe(true);
  });

  it('reads no key that the documented key list lacks', () => {
    const read = new Set<string>();
    const env = new Proxy({ AFAS_ENVIRONMENT: 'O12345AA', AFAS_API_KEY: API_KEY, AFAS_ENVIRONMENT_KEY: ENV_KEY, TOKEN_ENCRYPTION_KEY: ENC_KEY } as Record<string, string>, {
      get(target, key: string) {
        read.add(key);
        return target[key];
      },
    });
    parseConfig(env);
    const documented = new Set([...CONFIG_KEYS.map((k) => k.name), ...DEPRECATED_CONFIG_KEYS.map((k) => k.name), ...INHERITED_ENV_KEYS]);
    expect([...read].filter((key) => !documented.has(key))).toEqual([]);
  });

  it('is documented key for key in the README table and in .env.example', () => {
    const root = join(__dirname, '..', '..');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    // The configuration table only (from its header to the blank line after it): other tables name connectors.
    const start = readme.indexOf('| key | default | meaning |');
    const table = readme.slice(start, readme.indexOf('\n\n', start));
    const tableKeys = [...table.matchAll(/^\| `([A-Za-z_]+)` \|/gm)].map((m) => m[1]);
    expect(tableKeys).toEqual(CONFIG_KEYS.map((k) => k.name));
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const exampleKeys = [...example.matchAll(/^#?\s?([A-Za-z_]+)=/gm)].map((m) => m[1]);
    expect(exampleKeys).toEqual(CONFIG_KEYS.map((k) => k.name));
  });
});
