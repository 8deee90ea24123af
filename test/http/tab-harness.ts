import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { AxiosAfasClientFactory } from '../../src/afas/axios-afas-client-factory';
import { SystemClock } from '../../src/clock/system-clock';
import { composeTab } from '../../src/compose-tab';
import { parseConfig, type AppConfig } from '../../src/config';
import { HttpServer } from '../../src/http/http-server';
import type { Clock } from '../../src/ports/clock';
import type { Storage } from '../../src/ports/storage';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { loadOrCreateKeyFile } from '../../src/secrets/encryption-key';
import { openStorage } from '../../src/storage/open-storage';
import { registerDefaultConnection } from '../../src/use-cases/register-default-connection';
import { RecordingLogger } from '../fakes/recording-logger';

const SANDBOX_PREFIX = '/sandbox/afas/ProfitRestServices';

export interface TabApp {
  readonly origin: string;
  readonly config: AppConfig;
  readonly storage: Storage;
  readonly sandbox: AfasSandbox;
  readonly logger: RecordingLogger;
  readonly insiteUrl: string;
  stop(): Promise<void>;
}

export interface TabAppOptions {
  /** Extra configuration keys (TAB_SSO_*, MicrosoftAppId...). */
  readonly env?: Record<string, string>;
  /** true (default): demo mode with the sandbox mounted, as npm start runs; false: the sandbox as an external AFAS. */
  readonly demo?: boolean;
  readonly clock?: Clock;
  /** Where the built tab is served from; default tab/dist. */
  readonly assetDir?: string;
}

/**
 * The server as main.ts composes it, minus the bot: storage, HttpServer, the sandbox, the default
 * connection and composeTab, on port 0 with its own data directory. The tab is served from
 * tab/dist (build it first where the test needs the page).
 */
export async function startTabApp(options: TabAppOptions = {}): Promise<TabApp> {
  const demo = options.demo ?? true;
  const dataDir = mkdtempSync(join(tmpdir(), 'afas-tab-'));
  const logger = new RecordingLogger();
  const clock = options.clock ?? new SystemClock();
  const sandbox = new AfasSandbox({ clock, autoProvisionUsers: true });
  const external = demo ? null : await sandbox.listen(0);
  const env: Record<string, string> = { PORT: '0', DATA_DIR: dataDir, SANDBOX_SIGNAL_INTERVAL_SECONDS: '0', PLAYGROUND: 'false', ...options.env };
  if (external) Object.assign(env, { DEMO: 'false', AFAS_BASE_URL: external.baseUrl, AFAS_API_KEY: DEMO_API_KEY, AFAS_ENVIRONMENT_KEY: DEMO_ENVIRONMENT_KEY, AFAS_INSITE_URL: 'https://insite.example.nl', AFAS_TASK_URL_TEMPLATE: 'https://insite.example.nl/taak/{guid_task}', TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64') });
  try {
    return await compose(env, demo, dataDir, sandbox, clock, logger, options.assetDir);
  } catch (error) {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function compose(env: Record<string, string>, demo: boolean, dataDir: string, sandbox: AfasSandbox, clock: Clock, logger: RecordingLogger, assetDir?: string): Promise<TabApp> {
  const config = parseConfig(env);
  const secretBox = new AesGcmSecretBox({ current: loadOrCreateKeyFile(join(dataDir, 'encryption.key')), previous: [] });
  const storage = await openStorage({ dataDir, secretBox });
  const http = new HttpServer({ logger, readiness: () => storage.ping() });
  if (demo) sandbox.registerRoutes(http.restify, SANDBOX_PREFIX);
  const afas = new AxiosAfasClientFactory({ timeoutMs: config.afasTimeoutMs, clock, logger });
  // The notification engine is not part of this harness: a first poll after activation is a no-op here.
  await composeTab({ config, http, storage, afas, clock, logger, assetDir, notifications: { wake: async () => undefined } });
  const { port, origin } = await http.listen(0, '127.0.0.1');
  const insiteUrl = demo ? `${origin}/sandbox/insite` : 'https://insite.example.nl';
  const afasConfig = config.afas;
  await registerDefaultConnection(storage.connections, clock, afasConfig
    ? { name: 'AFAS', ...afasConfig, secrets: { apiKey: afasConfig.apiKey, environmentKey: afasConfig.environmentKey } }
    : {
        name: 'AFAS sandbox (demo)',
        environment: 'sandbox',
        baseUrl: `http://127.0.0.1:${port}${SANDBOX_PREFIX}`,
        insiteUrl,
        secrets: { apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY },
        tasksConnector: 'Teams_Tasks',
        signalsConnector: 'Teams_Signals',
        taskUrlTemplate: `${insiteUrl}/taak?id={guid_task}`,
        signalUrlTemplate: `${insiteUrl}/signaal?id={guid_signal}`,
        defaultTasksUrl: `${insiteUrl}/mijn-taken`,
        useDefaultTasksUrl: false,
      });
  let stopped: Promise<void> | null = null;
  return {
    origin,
    config,
    storage,
    sandbox,
    logger,
    insiteUrl,
    stop: () => {
      stopped ??= (async () => {
        await http.close(1000);
        await sandbox.close();
        afas.close();
        await storage.close();
        rmSync(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
