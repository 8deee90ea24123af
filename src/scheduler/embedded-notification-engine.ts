import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { WorkItemSource } from '../ports/work-item-source';
import type { Random } from './backoff';
import { InMemoryAfasAvailability } from './in-memory-afas-availability';
import { InMemorySendBudget } from './in-memory-send-budget';
import { InProcessJobQueue } from './in-process-job-queue';
import { NotificationEngine, type NotificationEngineDeps, type NotificationEngineOptions } from './notification-engine';
import type { NotificationMetrics } from './notification-metrics';
import { jobGroup, NOTIFICATION_LANES, type EngineJobData } from './user-job';

export interface EmbeddedNotificationEngineDeps {
  readonly storage: NotificationEngineDeps['storage'];
  readonly source: WorkItemSource;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly options: NotificationEngineOptions;
  readonly metrics?: NotificationMetrics;
  readonly mayUse?: NotificationEngineDeps['mayUse'];
  readonly random?: Random;
  readonly taskCards?: NotificationEngineDeps['taskCards'];
}

export interface EmbeddedNotificationEngine {
  readonly engine: NotificationEngine;
  /** The in-process queue (tests step a fake clock from one due job to the next through it). */
  readonly queue: InProcessJobQueue<EngineJobData>;
}

/**
 * The engine with its embedded adapters (one process): the in-process job queue, Teams budgets
 * and AFAS maintenance pauses in memory. Several replicas would pass shared adapters to
 * `NotificationEngine` instead (a BullMQ queue, Redis budgets); nothing else changes.
 */
export function createEmbeddedNotificationEngine(deps: EmbeddedNotificationEngineDeps): EmbeddedNotificationEngine {
  const { clock, logger } = deps;
  const queue = new InProcessJobQueue<EngineJobData>({
    clock,
    lanes: NOTIFICATION_LANES,
    groupOf: jobGroup,
    onError: (key, error) => logger.error({ code: 'scheduler_job_failed', key, err: error instanceof Error ? error.message : String(error) }, 'notification job failed'),
  });
  const engine = new NotificationEngine({
    storage: deps.storage,
    source: deps.source,
    notifier: deps.notifier,
    queue,
    budget: new InMemorySendBudget(),
    availability: new InMemoryAfasAvailability(),
    clock,
    logger,
    metrics: deps.metrics,
    mayUse: deps.mayUse,
    random: deps.random,
    options: deps.options,
    taskCards: deps.taskCards,
  });
  return { engine, queue };
}
