import type { Notification } from '../domain/notification';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { Clock } from '../ports/clock';
import type { JobQueue, QueuedJob } from '../ports/job-queue';
import type { Logger } from '../ports/logger';
import type { SendBudget } from '../ports/send-budget';
import type { DigestTiming } from '../use-cases/notification-context';
import type { PollOutcome, PollUser } from '../use-cases/poll-user';
import type { SendDigest } from '../use-cases/send-digest';
import { jitter, nextPollDelay, type Random } from './backoff';
import type { NotificationMetrics } from './notification-metrics';
import type { OutboxSender } from './outbox-sender';
import { SEND_LANE, type EngineJobData, type Outbox, type UserJobData } from './user-job';

/** After an AFAS maintenance window, polls of its users spread over this long. */
const MAINTENANCE_SPREAD_MS = 60_000;
/** A digest whose AFAS read failed is tried again after this (until it is two hours late). */
const DIGEST_RETRY_MS = 5 * 60_000;
/** A job that keeps finding work (it should not) yields after this many steps. */
const MAX_STEPS = 12;
/**
 * Polls run at most this far ahead of their tenant's send backlog. Reading AFAS faster than Teams
 * may be written to only fills outboxes and the event loop (late sends crowd Teams' seconds); in
 * a burst (start, the end of a maintenance) polls follow the sends instead.
 */
export const POLL_AHEAD_MS = 2000;

export interface UserJobRunnerDeps {
  readonly queue: JobQueue<EngineJobData>;
  readonly budget: SendBudget;
  readonly pollUser: PollUser;
  readonly sendDigest: SendDigest;
  readonly sender: OutboxSender;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: NotificationMetrics;
  readonly random: Random;
  readonly pollIntervalMs: number;
  /** Called with +n when messages enter an outbox. */
  readonly onQueued: (count: number) => void;
}

/**
 * One run of a user's job: first the outbox (messages waiting for a send slot), then a due
 * digest, then a due poll; then the job is queued again for whatever comes next. Because a user
 * has one job, a poll never runs while that user's messages are still on their way.
 */
export class UserJobRunner {
  constructor(private readonly deps: UserJobRunnerDeps) {}

  async run(job: QueuedJob<UserJobData>, user: UserKey): Promise<void> {
    let data = job.data;
    this.deps.metrics.pollLag(Math.max(0, this.now() - job.runAt.getTime()) / 1000);
    for (let step = 0; step < MAX_STEPS; step++) {
      const now = this.now();
      if (data.outbox) {
        const drained = await this.deps.sender.drain(user, data.outbox);
        data = { ...data, outbox: drained.outbox, pending: data.pending || drained.gaveUp };
        if (drained.waitUntil !== null) return this.requeue(job.key, drained.waitUntil, data, SEND_LANE);
        continue;
      }
      if (data.stop) return;
      // Polls and digests never run in the send lane: they would hold up other users' slots.
      if (job.lane === SEND_LANE) return this.requeue(job.key, nextDue(data), data);
      const backlogEnd = (await this.deps.budget.tenantBookedUntil(user.tenantId))?.getTime() ?? 0;
      if (backlogEnd - now > POLL_AHEAD_MS && now >= nextDue(data)) {
        return this.requeue(job.key, backlogEnd - POLL_AHEAD_MS + jitter(POLL_AHEAD_MS / 2, this.deps.random), data);
      }
      if (data.digestAt !== null && now >= data.digestAt) data = await this.digest(user, data, data.heldDigest ?? data.digestAt);
      else if (now >= data.pollAt) data = await this.poll(user, data);
      else return this.requeue(job.key, nextDue(data), data);
    }
    return this.requeue(job.key, this.now() + 1000, data);
  }

  private async poll(user: UserKey, data: UserJobData): Promise<UserJobData> {
    const { deps } = this;
    const outcome = await deps.pollUser.execute(user, { checkPending: data.pending });
    this.count(outcome);
    const now = this.now();
    const next = now + nextPollDelay(deps.pollIntervalMs, 0, deps.random);
    const log = { user: userKeyString(user) };
    switch (outcome.kind) {
      case 'ok':
        if (outcome.heldUntil) deps.metrics.deferred('quiet_hours');
        return {
          ...data,
          pollAt: outcome.heldUntil ? Math.min(next, outcome.heldUntil.getTime()) : next,
          digestAt: this.digestAt(outcome.digest, data),
          failures: 0,
          pending: outcome.pendingLeft,
          started: true,
          outbox: this.enqueue(data.outbox, outcome.notifications),
        };
      case 'idle':
        return { ...data, pollAt: next, digestAt: this.digestAt(outcome.digest, data), failures: 0, started: true };
      case 'paused':
        deps.logger.info({ ...log, code: 'afas_maintenance', until: outcome.until.toISOString() }, 'AFAS environment in maintenance; polls wait');
        return { ...data, pollAt: outcome.until.getTime() + jitter(Math.min(deps.pollIntervalMs, MAINTENANCE_SPREAD_MS), deps.random), digestAt: this.digestAt(outcome.digest, data), started: true };
      case 'failed': {
        const failures = data.failures + 1;
        deps.metrics.failure(outcome.code);
        deps.logger.warn({ ...log, code: outcome.code, profitLogReference: outcome.profitLogReference, failures }, 'poll failed; backing off');
        return { ...data, pollAt: now + nextPollDelay(deps.pollIntervalMs, failures, deps.random), digestAt: this.digestAt(outcome.digest, data), failures, started: true };
      }
      case 'stop':
        deps.logger.info({ ...log, code: outcome.reason === 'invalid' ? 'activation_invalid' : 'not_activated' }, 'no active activation; polling stops');
        return { ...data, stop: true, outbox: this.enqueue(data.outbox, outcome.notifications) };
    }
  }

  private async digest(user: UserKey, data: UserJobData, dueAt: number): Promise<UserJobData> {
    const outcome = await this.deps.sendDigest.execute(user, new Date(dueAt));
    switch (outcome.kind) {
      case 'send':
        return { ...data, digestAt: outcome.next?.getTime() ?? null, heldDigest: null, outbox: this.enqueue(data.outbox, [outcome.notification]) };
      case 'skip':
        return { ...data, digestAt: outcome.next?.getTime() ?? null, heldDigest: null };
      case 'held':
        this.deps.metrics.deferred('quiet_hours');
        return { ...data, digestAt: outcome.until.getTime(), heldDigest: dueAt };
      case 'retry':
        this.deps.metrics.failure(outcome.code);
        this.deps.logger.warn({ user: userKeyString(user), code: outcome.code }, 'digest could not read AFAS; trying again');
        return { ...data, digestAt: this.now() + DIGEST_RETRY_MS, heldDigest: dueAt };
    }
  }

  /** The first poll since start may catch up a digest the service was down for; later ones plan the next. */
  private digestAt(timing: DigestTiming, data: UserJobData): number | null {
    if (data.heldDigest !== null) return data.digestAt;
    const at = data.started ? timing.next : (timing.catchUp ?? timing.next);
    return at?.getTime() ?? null;
  }

  private enqueue(outbox: Outbox | null, messages: readonly Notification[]): Outbox | null {
    if (messages.length === 0) return outbox;
    this.deps.onQueued(messages.length);
    return outbox ? { ...outbox, messages: [...outbox.messages, ...messages] } : { messages, prepared: null, slotAt: null, attempts: 0, unrecorded: [] };
  }

  private count(outcome: PollOutcome): void {
    const { metrics } = this.deps;
    if (outcome.kind === 'ok') {
      for (const kind of outcome.kinds) {
        metrics.pollCompleted(kind, 'ok');
        if (outcome.found[kind]) metrics.itemsFound(kind, outcome.found[kind]);
      }
    } else if (outcome.kind === 'failed' || outcome.kind === 'paused') {
      for (const kind of outcome.kinds) metrics.pollCompleted(kind, outcome.kind === 'failed' ? 'failed' : 'skipped');
    }
  }

  private requeue(key: string, at: number, data: UserJobData, lane?: string): Promise<void> {
    return this.deps.queue.schedule(key, new Date(at), data, lane);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}

function nextDue(data: UserJobData): number {
  return Math.min(data.pollAt, data.digestAt ?? Infinity);
}
