import { createBotAdapter, type BotAdapter, type BotAdapterOptions } from '../../bot/bot-adapter';
import { BotFrameworkCardUpdater } from '../../bot/proactive/bot-framework-card-updater';
import { BotFrameworkNotifier } from '../../bot/proactive/bot-framework-notifier';
import type { Clock } from '../ports/clock';
import type { Core } from './core';
import type { UseCases } from './use-cases';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { WorkItemSource } from '../ports/work-item-source';
import type { Random } from '../scheduler/backoff';
import { createEmbeddedNotificationEngine, type EmbeddedNotificationEngineDeps } from '../scheduler/embedded-notification-engine';
import type { InProcessJobQueue } from '../scheduler/in-process-job-queue';
import { NotificationEngine, type NotificationEngineOptions } from '../scheduler/notification-engine';
import type { NotificationMetrics } from '../scheduler/notification-metrics';
import type { EngineJobData } from '../scheduler/user-job';
import type { JobQueue } from '../ports/job-queue';
import type { ScaleOut } from './scale-out';

export interface NotificationStackDeps {
  /** The Bot Framework credentials (MicrosoftAppId...). */
  readonly bot: Omit<BotAdapterOptions, 'logger' | 'clock'>;
  readonly storage: EmbeddedNotificationEngineDeps['storage'];
  readonly source: WorkItemSource;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly engine: NotificationEngineOptions;
  readonly metrics?: NotificationMetrics;
  readonly mayUse?: EmbeddedNotificationEngineDeps['mayUse'];
  /** Jitter source (tests pass a seeded one); default `Math.random`. */
  readonly random?: Random;
  /** Wraps the notifier at its port (tests put a failing or stalling fake around the real one). */
  readonly wrapNotifier?: (real: Notifier) => Notifier;
  /** New-task cards with actions and their activity ids (the use cases'); absent: plain cards. */
  readonly taskCards?: EmbeddedNotificationEngineDeps['taskCards'];
}

export interface NotificationStack<Q extends JobQueue<EngineJobData> = InProcessJobQueue<EngineJobData>> {
  /** The product's one CloudAdapter: the bot endpoint uses it too. */
  readonly adapter: BotAdapter;
  readonly notifier: BotFrameworkNotifier;
  /** Updates sent task cards through the same adapter (bind the use cases' updater to it). */
  readonly cardUpdater: BotFrameworkCardUpdater;
  readonly engine: NotificationEngine;
  readonly queue: Q;
  /** Stops the engine (running jobs finish) and closes the notifier's connections. */
  close(): Promise<void>;
}

/**
 * The Bot Framework adapter and everything that sends proactively through it: the notifier and the
 * notification engine. Built here once for `main.ts`, the tests and the benchmarks alike, so the
 * turn error handler, the notifier's classification and the engine's budgets under test are the
 * ones users get.
 */
export function composeNotificationStack(deps: NotificationStackDeps): NotificationStack {
  const bot = botSide(deps);
  const { engine, queue } = createEmbeddedNotificationEngine({
    storage: deps.storage,
    source: deps.source,
    notifier: bot.engineNotifier,
    clock: deps.clock,
    logger: deps.logger.child({ component: 'notifications' }),
    options: deps.engine,
    metrics: deps.metrics,
    mayUse: deps.mayUse,
    random: deps.random,
    taskCards: deps.taskCards,
  });
  return stackOf(bot, engine, queue);
}

/** The Bot Framework side every stack has: the product's adapter, the notifier and the card updater. */
function botSide(deps: NotificationStackDeps) {
  const { clock, logger } = deps;
  const adapter = createBotAdapter({ ...deps.bot, clock, logger: logger.child({ component: 'bot' }) });
  const notifier = new BotFrameworkNotifier({ adapter, appId: deps.bot.appId, clock, logger: logger.child({ component: 'notifier' }) });
  const cardUpdater = new BotFrameworkCardUpdater({ adapter, appId: deps.bot.appId, clock });
  return { adapter, notifier, cardUpdater, engineNotifier: deps.wrapNotifier ? deps.wrapNotifier(notifier) : notifier };
}

function stackOf<Q extends JobQueue<EngineJobData>>(bot: ReturnType<typeof botSide>, engine: NotificationEngine, queue: Q): NotificationStack<Q> {
  const { adapter, notifier, cardUpdater } = bot;
  return {
    adapter,
    notifier,
    cardUpdater,
    engine,
    queue,
    close: async () => {
      await engine.stop();
      notifier.close();
    },
  };
}

export interface ProductNotificationOptions {
  readonly metrics?: NotificationMetrics;
  /** Engine settings on top of the configuration's (the benchmarks start every first poll at once). */
  readonly engine?: Partial<NotificationEngineOptions>;
  readonly wrapNotifier?: (real: Notifier) => Notifier;
}

/**
 * The notification stack as main.ts runs it: the configured bot credentials and poll interval, the
 * core's storage and item source, and only users who may use the app are polled.
 */
export function composeProductNotifications(core: Core, useCases: UseCases, options: ProductNotificationOptions = {}): NotificationStack<JobQueue<EngineJobData>> {
  const compose = core.scaleOut ? (deps: NotificationStackDeps) => composeSharedNotificationStack(deps, core.scaleOut as ScaleOut) : composeNotificationStack;
  return compose({
    bot: core.config.bot,
    storage: core.storage,
    source: core.source,
    clock: core.clock,
    logger: core.logger,
    engine: { pollIntervalMs: core.config.notifications.pollIntervalMs, ...options.engine },
    metrics: options.metrics,
    mayUse: async (user) => (await useCases.checkAccess.execute({ user, upn: null })).allowed,
    wrapNotifier: options.wrapNotifier,
    taskCards: useCases.taskCards,
  });
}

/**
 * The same stack for several replicas (REDIS_URL): the engine's queue is BullMQ, Teams' budgets and
 * AFAS pauses are in Redis. When Redis comes back after it was away, jobs are rebuilt from storage
 * (a Redis that restarted empty has lost them; the ledger has not).
 */
export function composeSharedNotificationStack(deps: NotificationStackDeps, scaleOut: ScaleOut): NotificationStack<JobQueue<EngineJobData>> {
  const bot = botSide(deps);
  const engineLogger = deps.logger.child({ component: 'notifications' });
  const queue = scaleOut.jobQueue((key, error) => engineLogger.error({ code: 'scheduler_job_failed', key, err: error instanceof Error ? error.message : String(error) }, 'notification job failed'));
  const engine = new NotificationEngine({
    storage: deps.storage,
    source: deps.source,
    notifier: bot.engineNotifier,
    queue,
    budget: scaleOut.budget,
    availability: scaleOut.availability,
    clock: deps.clock,
    logger: engineLogger,
    metrics: deps.metrics,
    mayUse: deps.mayUse,
    random: deps.random,
    options: deps.engine,
    taskCards: deps.taskCards,
  });
  scaleOut.connections.onReconnect(() => void engine.rebuild());
  return stackOf(bot, engine, queue);
}
