import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY, MAILBOX_JSON_PATH, MAILBOX_PATH } from '../sandbox';
import { BotHost } from '../bot/bot-host';
import { composeNotificationStack } from './composition/notification-stack';
import { notificationMetricsFrom } from './scheduler/notification-metrics';
import { AfasWorkItemSource } from './afas/afas-work-item-source';
import { AxiosAfasClientFactory } from './afas/axios-afas-client-factory';
import { RowMapper } from './afas/row-mapper';
import { SystemClock } from './clock/system-clock';
import { AgentsPlayground } from './dev/agents-playground';
import { PLAYGROUND_PEOPLE } from './dev/playground-identities';
import { AppError } from './domain/app-error';
import type { AppConfig } from './config';
import { composeTab } from './compose-tab';
import { BOT_FRAMEWORK_OPENID_METADATA_URL, JoseBotTokenVerifier } from './auth/jose-bot-token-verifier';
import { ssoAdminAuthenticator } from './http/admin-auth';
import { registerAdminRoutes } from './http/admin-routes';
import { HttpServer } from './http/http-server';
import { createAdminServices } from './use-cases/admin/admin-services';
import { registerMetricsRoute } from './http/metrics-route';
import { PromMetrics } from './metrics/prom-metrics';
import { createPinoLogger } from './logging/pino-logger';
import type { BotServices } from '../bot/bot-turn';
import type { AfasClientFactory } from './ports/afas-client';
import type { BotTokenVerifier } from './ports/bot-token-verifier';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { NotificationWakeUp } from './ports/notification-wake-up';
import type { Storage } from './ports/storage';
import type { WorkItemSource } from './ports/work-item-source';
import { AesGcmSecretBox } from './secrets/aes-gcm-secret-box';
import { loadOrCreateKeyFile, parseEncryptionKey } from './secrets/encryption-key';
import { openStorage } from './storage/open-storage';
import { ActivationAttempts } from './use-cases/activation-attempts';
import { CheckAccess } from './use-cases/check-access';
import { ConfirmActivationCode } from './use-cases/confirm-activation-code';
import { DeactivateUser } from './use-cases/deactivate-user';
import { ListWorkItems } from './use-cases/list-work-items';
import { registerDefaultConnection, type DefaultConnectionInput } from './use-cases/register-default-connection';
import { RequestActivationCode } from './use-cases/request-activation-code';
import { UpdatePreferences } from './use-cases/update-preferences';

export const SANDBOX_PREFIX = '/sandbox/afas/ProfitRestServices';

export interface RunningApp {
  readonly origin: string;
  readonly port: number;
  readonly storage: Storage;
  readonly sandbox: AfasSandbox | null;
  /** The Agents Playground's web UI, when it was started (demo mode). */
  readonly playgroundUrl: string | null;
  /** The development host that frames the tab in a plain browser (demo mode). */
  readonly devHostUrl: string | null;
  /** Graceful: in-flight requests finish, timers stop, storage closes. */
  close(): Promise<void>;
}

export interface AppOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
}

/** The composition root: the only place that builds adapters and joins them. */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createPinoLogger(config.logLevel, config.logFormat);
  const clock = overrides.clock ?? new SystemClock();
  const currentKey = config.encryption.currentKey
    ? parseEncryptionKey(config.encryption.currentKey)
    : loadOrCreateKeyFile(join(config.dataDir, 'encryption.key'));
  const secretBox = new AesGcmSecretBox({ current: currentKey, previous: config.encryption.previousKeys.map(parseEncryptionKey) });
  const storage = await openStorage({ databaseUrl: config.databaseUrl ?? undefined, dataDir: config.dataDir, secretBox, logger: logger.child({ component: 'storage' }) });
  logger.info({ engine: storage.engine }, 'storage ready');

  const metrics = new PromMetrics({ logger: logger.child({ component: 'metrics' }) });
  const http = new HttpServer({ logger: logger.child({ component: 'http' }), readiness: () => storage.ping(), metrics });
  registerMetricsRoute(http, metrics, { bearerToken: config.metricsToken });
  // Without an app id nothing authenticates the bot endpoint; the demo mailbox shows activation codes.
  http.restrictToLoopback([...(config.bot.appId === '' ? ['/api/messages'] : []), ...(config.demo ? [MAILBOX_PATH, MAILBOX_JSON_PATH] : [])]);
  const sandbox = config.demo
    ? new AfasSandbox({ clock, logger: logger.child({ component: 'sandbox' }), autoProvisionUsers: true, signalIntervalMs: config.sandbox.signalIntervalMs })
    : null;
  sandbox?.registerRoutes(http.restify, SANDBOX_PREFIX);

  const afasFactory = new AxiosAfasClientFactory({ timeoutMs: config.afasTimeoutMs, clock, logger: logger.child({ component: 'afas' }) });
  // One reader of AFAS lists for the bot and the notifications alike (one row mapper, one log-once memory).
  const source = new AfasWorkItemSource(afasFactory, new RowMapper(logger.child({ component: 'rows' })), config.afasMaxRows);
  const checkAccess = new CheckAccess({ connections: storage.connections, activations: storage.activations, accessRules: storage.accessRules, owners: storage.owners, homeTenantId: config.bot.tenantId });
  const notifications = composeNotificationStack({
    bot: config.bot,
    storage,
    source,
    clock,
    logger,
    engine: { pollIntervalMs: config.notifications.pollIntervalMs },
    metrics: notificationMetricsFrom(metrics),
    mayUse: async (user) => (await checkAccess.execute({ user, upn: null })).allowed,
  });
  const services = createBotServices({ storage, afas: afasFactory, source, clock, logger, checkAccess, notifications: notifications.engine, invokeBudgetMs: 4500, tabUrl: null });
  const botHost = new BotHost({ adapter: notifications.adapter, state: storage.state, services, verifier: botTokenVerifier(config, clock) });
  http.post('/api/messages', (req, res) => botHost.process(req, res));

  // Known once the Playground has started (after the server listens); the demo start page asks at each load.
  let playgroundUrl: string | null = null;
  let listening: { port: number; origin: string };
  let devHostPath: string | null;
  try {
    const tab = await composeTab({ config, http, storage, afas: afasFactory, clock, logger, notifications: notifications.engine, playgroundUrl: () => playgroundUrl });
    devHostPath = tab.devHostPath;
    const adminLogger = logger.child({ component: 'admin' });
    const admin = createAdminServices({ storage, afas: afasFactory, clock, newId: () => randomBytes(3).toString('hex'), homeTenantId: config.bot.tenantId, allowedBaseUrls: config.afasAllowedBaseUrls });
    // Demo mode without APP_OWNERS: the development host's first person (Jan de Vries) owns the app, so the
    // admin screen can be tried; setting APP_OWNERS replaces him at the next start.
    await admin.syncConfiguredOwners.execute(config.demo && config.appOwners.length === 0 ? [PLAYGROUND_PEOPLE[0].userPrincipalName] : config.appOwners);
    registerAdminRoutes(http, { authenticate: ssoAdminAuthenticator(tab.validator, adminLogger), admin, logger: adminLogger });
    listening = await http.listen(config.port, config.host);
  } catch (error) {
    await storage.close();
    throw error;
  }

  const connection = defaultConnectionInput(config, listening.port);
  if (connection) await registerDefaultConnection(storage.connections, clock, connection);
  else logger.warn({}, 'no default AFAS connection: set AFAS_ENVIRONMENT or AFAS_BASE_URL, or add connections as an app owner');
  if (config.bot.appId === '') logger.warn({ host: config.host, port: listening.port }, `MicrosoftAppId is empty: local development mode; /api/messages is not authenticated and answers only on ${config.host}, from this machine`);
  sandbox?.start();
  await notifications.engine.start();
  const playground = config.playground.enabled
    ? new AgentsPlayground({ botEndpoint: `http://127.0.0.1:${listening.port}/api/messages`, workDir: join(config.dataDir, 'playground'), logger: logger.child({ component: 'playground' }), preferredPort: config.playground.port, baseEnv: config.childEnv })
    : null;
  playgroundUrl = await startPlayground(playground, logger);

  let closing: Promise<void> | null = null;
  return {
    origin: listening.origin,
    port: listening.port,
    storage,
    sandbox,
    playgroundUrl,
    devHostUrl: devHostPath ? `${listening.origin}${devHostPath}` : null,
    close: () => {
      closing ??= (async () => {
        await playground?.stop();
        await notifications.close();
        sandbox?.stop();
        await http.close();
        await sandbox?.close();
        afasFactory.close();
        await storage.close();
      })();
      return closing;
    },
  };
}

/** The product keeps running without the Playground: it is a convenience for trying the bot. */
async function startPlayground(playground: AgentsPlayground | null, logger: Logger): Promise<string | null> {
  if (!playground) return null;
  try {
    return (await playground.start()).url;
  } catch (error) {
    logger.warn({ code: error instanceof AppError ? error.code : 'playground_failed', err: error instanceof Error ? error.message : String(error) }, 'the Agents Playground did not start; the bot still runs (PLAYGROUND=false hides this)');
    return null;
  }
}

export interface BotServiceDeps {
  readonly storage: Storage;
  readonly afas: AfasClientFactory;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly source: WorkItemSource;
  readonly checkAccess: CheckAccess;
  /** Polls a user at once after activation (the notification engine). */
  readonly notifications: NotificationWakeUp;
  readonly invokeBudgetMs: number;
  readonly tabUrl: string | null;
}

/** The use cases and stores the bot talks to (also used by the bot's tests). */
export function createBotServices(deps: BotServiceDeps): BotServices {
  const { storage, afas, clock, logger } = deps;
  const attempts = new ActivationAttempts(storage.state);
  const { source } = deps;
  const listWorkItems = new ListWorkItems({ activations: storage.activations, connections: storage.connections, source, clock });
  return {
    listWorkItems,
    requestActivationCode: new RequestActivationCode({ connections: storage.connections, attempts, afas, clock }),
    confirmActivationCode: new ConfirmActivationCode({ connections: storage.connections, activations: storage.activations, attempts, afas, listWorkItems, clock, notifications: deps.notifications }),
    deactivateUser: new DeactivateUser({ activations: storage.activations, attempts }),
    updatePreferences: new UpdatePreferences({ preferences: storage.preferences, clock }),
    checkAccess: deps.checkAccess,
    activations: storage.activations,
    conversations: storage.conversations,
    preferences: storage.preferences,
    clock,
    logger: logger.child({ component: 'bot' }),
    tabUrl: deps.tabUrl,
    invokeBudgetMs: deps.invokeBudgetMs,
  };
}

/** Null without an app id: local development, where the endpoint answers this machine only. */
function botTokenVerifier(config: AppConfig, clock: Clock): BotTokenVerifier | null {
  if (config.bot.appId === '') return null;
  return new JoseBotTokenVerifier({ openIdMetadataUrl: config.bot.openIdMetadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA_URL, appId: config.bot.appId, clock });
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
