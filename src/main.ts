import { join } from 'node:path';
import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../sandbox';
import { AxiosAfasClientFactory } from './afas/axios-afas-client-factory';
import { SystemClock } from './clock/system-clock';
import type { AppConfig } from './config';
import { HttpServer } from './http/http-server';
import { createPinoLogger } from './logging/pino-logger';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { Storage } from './ports/storage';
import { AesGcmSecretBox } from './secrets/aes-gcm-secret-box';
import { loadOrCreateKeyFile, parseEncryptionKey } from './secrets/encryption-key';
import { openStorage } from './storage/open-storage';
import { registerDefaultConnection, type DefaultConnectionInput } from './use-cases/register-default-connection';

export const SANDBOX_PREFIX = '/sandbox/afas/ProfitRestServices';

export interface RunningApp {
  readonly origin: string;
  readonly port: number;
  readonly storage: Storage;
  readonly sandbox: AfasSandbox | null;
  /** Graceful: in-flight requests finish, timers stop, storage closes. */
  close(): Promise<void>;
}

export interface AppOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
}

/** The composition root: the only place that builds adapters and joins them. */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createPinoLogger(config.logLevel);
  const clock = overrides.clock ?? new SystemClock();
  const currentKey = config.encryption.currentKey
    ? parseEncryptionKey(config.encryption.currentKey)
    : loadOrCreateKeyFile(join(config.dataDir, 'encryption.key'));
  const secretBox = new AesGcmSecretBox({ current: currentKey, previous: config.encryption.previousKeys.map(parseEncryptionKey) });
  const storage = await openStorage({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir, secretBox });
  logger.info({ engine: storage.engine }, 'storage ready');

  const http = new HttpServer({ logger: logger.child({ component: 'http' }), readiness: () => storage.ping() });
  const sandbox = config.demo
    ? new AfasSandbox({ clock, logger: logger.child({ component: 'sandbox' }), autoProvisionUsers: true, signalIntervalMs: config.sandbox.signalIntervalMs })
    : null;
  sandbox?.registerRoutes(http.restify, SANDBOX_PREFIX);

  let listening: { port: number; origin: string };
  try {
    listening = await http.listen(config.port, config.host);
  } catch (error) {
    await storage.close();
    throw error;
  }
  const afasFactory = new AxiosAfasClientFactory({ timeoutMs: config.afasTimeoutMs, clock, logger: logger.child({ component: 'afas' }) });
  void afasFactory;

  const connection = defaultConnectionInput(config, listening.port);
  if (connection) await registerDefaultConnection(storage.connections, clock, connection);
  else logger.warn({}, 'no default AFAS connection: set AFAS_ENVIRONMENT or AFAS_BASE_URL, or add connections as an app owner');
  if (config.bot.appId === '') logger.warn({ host: config.host }, 'MicrosoftAppId is empty: local development mode, requests are not authenticated and the server listens on loopback only');
  sandbox?.start();

  let closing: Promise<void> | null = null;
  return {
    origin: listening.origin,
    port: listening.port,
    storage,
    sandbox,
    close: () => {
      closing ??= (async () => {
        sandbox?.stop();
        await http.close();
        await sandbox?.close();
        await storage.close();
      })();
      return closing;
    },
  };
}

function defaultConnectionInput(config: AppConfig, port: number): DefaultConnectionInput | null {
  if (config.demo) {
    const insite = `${config.publicUrl}/sandbox/insite`;
    return {
      name: 'AFAS sandbox (demo)',
      environment: 'sandbox',
      baseUrl: `http://127.0.0.1:${port}${SANDBOX_PREFIX}`,
      insiteUrl: insite,
      secrets: { apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY },
      tasksConnector: 'Teams_Tasks',
      signalsConnector: 'Teams_Signals',
      taskUrlTemplate: `${insite}/taak?id={guid_task}`,
      signalUrlTemplate: `${insite}/signaal?id={guid_signal}`,
      defaultTasksUrl: `${insite}/mijn-taken`,
      useDefaultTasksUrl: false,
    };
  }
  if (!config.afas) return null;
  const { apiKey, environmentKey, ...rest } = config.afas;
  return { name: 'AFAS', ...rest, secrets: { apiKey, environmentKey } };
}
