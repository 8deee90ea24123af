import { join } from 'node:path';
import { AfasSandbox, MAILBOX_JSON_PATH, MAILBOX_PATH } from '../sandbox';
import { BotHost } from '../bot/bot-host';
import { BOT_FRAMEWORK_OPENID_METADATA_URL, JoseBotTokenVerifier } from './auth/jose-bot-token-verifier';
import { composeBotServices } from './composition/bot-services';
import { configuredOwners } from './composition/configured-owners';
import { readiness, sampleDependencies } from './composition/dependency-health';
import { openCore, type CoreOverrides } from './composition/core';
import { registerConfiguredConnection, registerSandboxOAuthClient, SANDBOX_PREFIX } from './composition/default-connection';
import { DeferredWakeUp } from './composition/deferred-wake-up';
import { DeferredTaskCardUpdater } from './composition/deferred-task-card-updater';
import { DeferredNotifier } from './composition/deferred-notifier';
import { composeProductNotifications } from './composition/notification-stack';
import { composeTab } from './composition/tab';
import { buildUseCases } from './composition/use-cases';
import { notificationMetricsFrom } from './scheduler/notification-metrics';
import { AgentsPlayground } from './dev/agents-playground';
import { AppError } from './domain/app-error';
import type { AppConfig } from './config';
import { ssoAdminAuthenticator } from './http/admin-auth';
import { registerAdminRoutes } from './http/admin-routes';
import { HttpServer } from './http/http-server';
import { registerMetricsRoute } from './http/metrics-route';
import { PromMetrics } from './metrics/prom-metrics';
import type { BotTokenVerifier } from './ports/bot-token-verifier';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { Storage } from './ports/storage';


export interface RunningApp {
  readonly origin: string;
  readonly port: number;
  readonly config: AppConfig;
  readonly storage: Storage;
  readonly sandbox: AfasSandbox | null;
  /** The Agents Playground's web UI, when it was started (demo mode). */
  readonly playgroundUrl: string | null;
  /** The development host that frames the tab in a plain browser (demo mode). */
  readonly devHostUrl: string | null;
  /** Graceful: in-flight requests finish, timers stop, storage closes. */
  close(): Promise<void>;
}

/** What a caller of startApp may swap: the logger, the clock (see CoreOverrides) and where the built tab is. */
export interface AppOverrides extends CoreOverrides {
  /** The built tab's files; default tab/dist of this checkout. */
  readonly tabAssetDir?: string;
}

/** The composition root: the server's part; the core and the use cases come from src/composition. */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const core = await openCore(config, overrides);
  const { logger, clock, storage } = core;
  for (const deprecation of config.deprecations) logger.warn({ code: 'config_deprecated' }, deprecation);
  logger.info({ engine: storage.engine }, 'storage ready');

  const metrics = new PromMetrics({ logger: logger.child({ component: 'metrics' }) });
  const http = new HttpServer({ logger: logger.child({ component: 'http' }), readiness: readiness(storage, core.scaleOut), metrics });
  registerMetricsRoute(http, metrics, { bearerToken: config.metricsToken });
  // Without an app id nothing authenticates the bot endpoint; the demo mailbox shows activation codes.
  http.restrictToLoopback([...(config.bot.appId === '' ? ['/api/messages'] : []), ...(config.demo ? [MAILBOX_PATH, MAILBOX_JSON_PATH] : [])]);
  const sandbox = config.demo
    ? new AfasSandbox({ clock, logger: logger.child({ component: 'sandbox' }), autoProvisionUsers: true, signalIntervalMs: config.sandbox.signalIntervalMs })
    : null;
  sandbox?.registerRoutes(http.restify, SANDBOX_PREFIX);
  if (sandbox) registerSandboxOAuthClient(sandbox, config);

  const wakeUp = new DeferredWakeUp();
  const cardUpdater = new DeferredTaskCardUpdater();
  const invitations = new DeferredNotifier();
  const useCases = buildUseCases(core, { notifications: wakeUp, cardUpdater, notifier: invitations });
  const notifications = composeProductNotifications(core, useCases, { metrics: notificationMetricsFrom(metrics) });
  wakeUp.bind(notifications.engine);
  cardUpdater.bind(notifications.cardUpdater);
  invitations.bind(notifications.notifier);
  const stopSampling = core.scaleOut ? sampleDependencies(metrics, storage, core.scaleOut, logger) : null;
  const botHost = new BotHost({ adapter: notifications.adapter, state: storage.state, services: composeBotServices(core, useCases), verifier: botTokenVerifier(config, clock), claims: core.scaleOut?.claims });
  http.post('/api/messages', (req, res) => botHost.process(req, res));

  // Known once the Playground has started (after the server listens); the demo start page asks at each load.
  let playgroundUrl: string | null = null;
  let listening: { port: number; origin: string };
  let devHostPath: string | null;
  try {
    const tab = await composeTab({ core, useCases, http, playgroundUrl: () => playgroundUrl, assetDir: overrides.tabAssetDir });
    devHostPath = tab.devHostPath;
    const adminLogger = logger.child({ component: 'admin' });
    await useCases.admin.syncConfiguredOwners.execute(configuredOwners(config));
    registerAdminRoutes(http, { authenticate: ssoAdminAuthenticator(tab.validator, adminLogger), admin: useCases.admin, logger: adminLogger });
    listening = await http.listen(config.port, config.host);
  } catch (error) {
    await core.close();
    throw error;
  }

  const registered = await registerConfiguredConnection(core, listening.port);
  if (!registered) logger.warn({}, 'no default AFAS connection: set AFAS_ENVIRONMENT or AFAS_BASE_URL, or add connections as an app owner');
  if (config.bot.appId === '') logger.warn({ host: config.host, port: listening.port }, `MicrosoftAppId is empty: local development mode; /api/messages is not authenticated and answers only on ${config.host}, from this machine`);
  sandbox?.start();
  // The first connection to Redis may still be opening (commands fail fast rather than queue): wait for it a moment.
  await core.scaleOut?.connections.ready();
  await notifications.engine.start().catch((error: unknown) => {
    // Several replicas: without Redis chat and tab still answer; the jobs are built when it answers.
    if (!core.scaleOut) throw error;
    logger.warn({ code: 'redis_unavailable', err: error instanceof Error ? error.message : String(error) }, 'notifications wait for Redis; they start when it answers');
  });
  const playground = config.playground.enabled
    ? new AgentsPlayground({ botEndpoint: `http://127.0.0.1:${listening.port}/api/messages`, workDir: join(config.dataDir, 'playground'), logger: logger.child({ component: 'playground' }), preferredPort: config.playground.port, baseEnv: config.childEnv })
    : null;
  playgroundUrl = await startPlayground(playground, logger);

  let closing: Promise<void> | null = null;
  return {
    origin: listening.origin,
    port: listening.port,
    config,
    storage,
    sandbox,
    playgroundUrl,
    devHostUrl: devHostPath ? `${listening.origin}${devHostPath}` : null,
    close: () => {
      closing ??= (async () => {
        await playground?.stop();
        stopSampling?.();
        await notifications.close();
        sandbox?.stop();
        await http.close();
        await sandbox?.close();
        await core.close();
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

/** Null without an app id: local development, where the endpoint answers this machine only. */
function botTokenVerifier(config: AppConfig, clock: Clock): BotTokenVerifier | null {
  if (config.bot.appId === '') return null;
  return new JoseBotTokenVerifier({ openIdMetadataUrl: config.bot.openIdMetadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA_URL, appId: config.bot.appId, clock });
}
