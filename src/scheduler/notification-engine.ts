import { userKeyString, type UserKey } from '../domain/user-key';
import type { AfasAvailability } from '../ports/afas-availability';
import type { Clock } from '../ports/clock';
import type { JobQueue, QueuedJob } from '../ports/job-queue';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { NotificationWakeUp } from '../ports/notification-wake-up';
import type { SendBudget } from '../ports/send-budget';
import type { Storage } from '../ports/storage';
import type { WorkItemSource } from '../ports/work-item-source';
import { DeliverNotification } from '../use-cases/deliver-notification';
import { PollUser } from '../use-cases/poll-user';
import type { ProactiveTaskCards } from '../use-cases/proactive-task-cards';
import { ReactivationNotice } from '../use-cases/reactivation-notice';
import { SendDigest } from '../use-cases/send-digest';
import { jitter, nextPollDelay, type Random } from './backoff';
import { NO_NOTIFICATION_METRICS, type NotificationMetrics } from './notification-metrics';
import { OutboxSender } from './outbox-sender';
import { isSweep, newUserJob, SWEEP_KEY, userFromJobKey, userJobKey, type EngineJobData, type UserJobData } from './user-job';
import { UserJobRunner } from './user-job-runner';

export interface NotificationEngineOptions {
  /** How often each user's lists are read (POLL_INTERVAL_MINUTES). */
  readonly pollIntervalMs: number;
  /** First polls after start spread over this long; default: one interval (no thundering herd). */
  readonly firstPollSpreadMs?: number;
  /** Activations found by a later sweep (new ones) start within this long. Default 30 s. */
  readonly newUserSpreadMs?: number;
}

export interface NotificationEngineDeps {
  readonly storage: Pick<Storage, 'activations' | 'connections' | 'conversations' | 'preferences' | 'deliveries'>;
  readonly source: WorkItemSource;
  readonly notifier: Notifier;
  readonly queue: JobQueue<EngineJobData>;
  readonly budget: SendBudget;
  readonly availability: AfasAvailability;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: NotificationMetrics;
  /** The admin's access list (see ReadUserWorkDeps.mayUse); absent = everyone. */
  readonly mayUse?: (user: UserKey) => Promise<boolean>;
  /** Jitter source; default `Math.random`. */
  readonly random?: Random;
  readonly options: NotificationEngineOptions;
  /** New-task cards with actions, and their activity ids kept (absent: plain cards). */
  readonly taskCards?: ProactiveTaskCards;
}

const PAGE = 500;
/** A new activation is polled this long after it completed. */
const WAKE_DELAY_MS = 3000;
/** Recovery at start: users with `to_deliver` entries are polled at once (the rest in their turn). */
const RECOVERY_SCAN = 2000;

/**
 * Proactive notifications: every activated user has one job that polls AFAS, sends what is new
 * and sends the daily digest. A sweep (at start, then every interval) gives a job to activations
 * that have none. Sends go out only in slots the `SendBudget` booked (Teams' per-tenant and
 * per-conversation limits, before anything is sent); polls run at most a little ahead of their
 * tenant's sends. Jobs go through the `JobQueue` port, budgets and AFAS pauses through ports of
 * their own, so replicas can share them later without touching the use cases.
 */
export class NotificationEngine implements NotificationWakeUp {
  private readonly runner: UserJobRunner;
  private readonly metrics: NotificationMetrics;
  private readonly random: Random;
  private outboxDepth = 0;
  private started = false;

  constructor(private readonly deps: NotificationEngineDeps) {
    const { storage, clock, logger } = deps;
    this.metrics = deps.metrics ?? NO_NOTIFICATION_METRICS;
    this.random = deps.random ?? Math.random;
    const read = { activations: storage.activations, connections: storage.connections, source: deps.source, availability: deps.availability, clock, mayUse: deps.mayUse };
    const reactivation = new ReactivationNotice({ deliveries: storage.deliveries, clock });
    const stores = { conversations: storage.conversations, preferences: storage.preferences, deliveries: storage.deliveries };
    const deliver = new DeliverNotification({ conversations: storage.conversations, deliveries: storage.deliveries, notifier: deps.notifier, clock, taskCards: deps.taskCards });
    const onOutbox = (count: number): void => {
      this.outboxDepth += count;
      this.metrics.outboxDepth(this.outboxDepth);
    };
    const sender = new OutboxSender({ deliver, budget: deps.budget, clock, logger, metrics: this.metrics, random: this.random, onSettled: onOutbox });
    this.runner = new UserJobRunner({
      queue: deps.queue,
      budget: deps.budget,
      pollUser: new PollUser({ ...read, ...stores, reactivation, taskCards: deps.taskCards }),
      sendDigest: new SendDigest({ ...read, ...stores }),
      sender,
      clock,
      logger,
      metrics: this.metrics,
      random: this.random,
      pollIntervalMs: deps.options.pollIntervalMs,
      onQueued: onOutbox,
    });
  }

  /** Builds the jobs from storage (first polls spread over an interval) and starts them. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.deps.queue.start((job) => this.handle(job));
    // When the scan saw every pending entry, the other users' first polls need not look for any.
    const complete = await this.recover();
    await this.sweep(this.deps.options.firstPollSpreadMs ?? this.deps.options.pollIntervalMs, !complete);
    this.deps.logger.info({ pollIntervalMs: this.deps.options.pollIntervalMs, jobs: await this.deps.queue.size() }, 'notification engine started');
  }

  /** Stops handing out jobs at once; resolves when running ones have finished. */
  async stop(): Promise<void> {
    this.started = false;
    await this.deps.queue.stop();
  }

  /**
   * Gives a job to every user who should have one and has none, from storage: a shared queue that
   * lost its jobs (Redis restarted empty) is whole again. Never rejects: logs.
   */
  async rebuild(): Promise<void> {
    if (!this.started) return;
    try {
      await this.recover();
      // Every rebuilt job looks for `to_deliver` entries: a handler that was running when Redis went away may write one after the scan.
      await this.sweep(this.deps.options.newUserSpreadMs ?? 30_000, true);
    } catch (error) {
      this.deps.logger.error({ code: 'scheduler_rebuild_failed', err: error instanceof Error ? error.message : String(error) }, 'could not rebuild notification jobs; the next sweep or reconnect tries again');
    }
  }

  /** Polls a user a few seconds from now (after activation) unless their job is already queued. Never rejects: logs. */
  async wake(user: UserKey): Promise<void> {
    const key = userJobKey(user);
    try {
      // A few seconds later: the chat's own answer to the activation comes first, then the first poll's card.
      const at = this.deps.clock.now().getTime() + WAKE_DELAY_MS;
      if (!(await this.deps.queue.has(key))) await this.deps.queue.schedule(key, new Date(at), newUserJob(at));
    } catch (error) {
      this.deps.logger.error({ code: 'scheduler_wake_failed', user: userKeyString(user), err: error instanceof Error ? error.message : String(error) }, 'could not poll a new activation at once; the next sweep picks it up');
    }
  }

  private async handle(job: QueuedJob<EngineJobData>): Promise<void> {
    const { data } = job;
    if (isSweep(data)) return this.sweep(this.deps.options.newUserSpreadMs ?? 30_000, true);
    const user = userFromJobKey(job.key);
    if (!user) {
      this.deps.logger.error({ code: 'scheduler_bad_key', key: job.key }, 'job with a key that names no user dropped');
      return;
    }
    if (job.recovered) this.deps.logger.info({ code: 'job_recovered', user: userKeyString(user) }, 'the replica running this user\'s job died; polling again from the ledger');
    try {
      await this.runner.run({ ...job, data: job.recovered ? fromLedger(data, this.deps.clock.now().getTime()) : data }, user);
    } catch (error) {
      await this.recoverJob(job.key, user, data, error);
    }
  }

  /** The one catch-all of the scheduler: log, and poll the user again later from what the ledger says. */
  private async recoverJob(key: string, user: UserKey, data: UserJobData, error: unknown): Promise<void> {
    const failures = data.failures + 1;
    this.metrics.failure('scheduler_job_failed');
    this.deps.logger.error({ code: 'scheduler_job_failed', user: userKeyString(user), failures, err: error instanceof Error ? error.message : String(error) }, 'notification job failed; retrying later');
    if (data.outbox) {
      this.outboxDepth -= data.outbox.messages.length;
      this.metrics.outboxDepth(this.outboxDepth);
    }
    // The outbox's entries are still `to_deliver` in the ledger: `pending` makes the next poll offer them again.
    const next = this.deps.clock.now().getTime() + nextPollDelay(this.deps.options.pollIntervalMs, failures, this.random);
    await this.deps.queue.schedule(key, new Date(next), { ...data, pollAt: next, failures, pending: true, outbox: null });
  }

  /**
   * Every active activation without a job gets one, starting within `spreadMs`; then the next sweep
   * is queued. `pending`: whether their first poll must look for `to_deliver` entries.
   */
  private async sweep(spreadMs: number, pending: boolean): Promise<void> {
    const { queue, storage, clock } = this.deps;
    let after: UserKey | undefined;
    let added = 0;
    for (;;) {
      const page = await storage.activations.listActive({ after, limit: PAGE });
      for (const activation of page) {
        const key = userJobKey(activation.user);
        if (await queue.has(key)) continue;
        const at = clock.now().getTime() + jitter(spreadMs, this.random);
        await queue.schedule(key, new Date(at), newUserJob(at, pending));
        added += 1;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].user;
    }
    if (added > 0) this.deps.logger.info({ added }, 'notification jobs added for activated users');
    await queue.schedule(SWEEP_KEY, new Date(clock.now().getTime() + this.deps.options.pollIntervalMs), { sweep: true });
  }

  /**
   * After a restart: users with messages that were planned but not confirmed are polled first.
   * True when the scan saw every such entry.
   */
  private async recover(): Promise<boolean> {
    const pending = await this.deps.storage.deliveries.pending({ limit: RECOVERY_SCAN });
    const now = this.deps.clock.now();
    const seen = new Set<string>();
    for (const entry of pending) {
      const key = userJobKey(entry.user);
      if (seen.has(key)) continue;
      seen.add(key);
      // A job that exists (another replica's, in a shared queue) finds the entry itself.
      if (await this.deps.queue.has(key)) continue;
      await this.deps.queue.schedule(key, now, newUserJob(now.getTime()));
    }
    if (seen.size > 0) this.deps.logger.info({ users: seen.size }, 'resuming notifications that were planned but not confirmed');
    return pending.length < RECOVERY_SCAN;
  }
}

/**
 * A job handed out again after its replica died carries its data from before that run: an outbox
 * whose first messages the run may already have sent, or none while the run had planned new items
 * (`to_deliver`) and died before queueing their outbox. Either way: resend nothing from the data,
 * poll now and let the ledger offer what is still `to_deliver`, as after a restart (the one-write
 * window stays the only duplicate).
 */
function fromLedger(data: UserJobData, now: number): UserJobData {
  return { ...data, outbox: null, pending: true, pollAt: Math.min(data.pollAt, now) };
}
