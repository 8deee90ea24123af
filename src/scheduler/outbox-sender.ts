import type { Notification } from '../domain/notification';
import { LATE_SEND_MS } from '../domain/teams-limits';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SendBudget } from '../ports/send-budget';
import type { DeliverNotification, DeliveryOutcome } from '../use-cases/deliver-notification';
import type { Random } from './backoff';
import { nextStep, RECORD_RETRY_MS, type Step } from './next-step';
import type { NotificationMetrics } from './notification-metrics';
import { errorText, reportAnswer } from './report-answer';
import type { Outbox } from './user-job';

export interface OutboxSenderDeps {
  readonly deliver: DeliverNotification;
  readonly budget: SendBudget;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: NotificationMetrics;
  readonly random: Random;
  /** Called with -1 for every message that leaves an outbox. */
  readonly onSettled: (count: number) => void;
}

export interface DrainResult {
  /** What is left; null when empty. */
  readonly outbox: Outbox | null;
  /** Come back then (a booked slot, a Retry-After, a backoff); null when the outbox is empty. */
  readonly waitUntil: number | null;
  /** A message was given up while its entries stay `to_deliver`: the next poll offers them again. */
  readonly gaveUp: boolean;
}

/**
 * Sends a user's waiting messages in order, each in a slot the send budget booked, so Teams'
 * limits hold before anything is sent. The storage work (`prepare`) is done before the slot, so at
 * the slot only the request goes out; a request that cannot leave within the safety margin of its
 * slot (the process was busy) is not sent but booked again, since sent late it could crowd the
 * next second at Teams' end.
 */
export class OutboxSender {
  constructor(private readonly deps: OutboxSenderDeps) {}

  async drain(user: UserKey, start: Outbox): Promise<DrainResult> {
    let box = start;
    let gaveUp = false;
    if (box.unrecorded.length > 0) {
      try {
        await this.deps.deliver.recordDelivered({ user }, box.unrecorded);
        box = { ...box, unrecorded: [] };
      } catch (error) {
        this.deps.logger.error({ code: 'ledger_write_failed', user: userKeyString(user), err: errorText(error) }, 'delivered message still not recorded; not sending it again');
        return { outbox: box, waitUntil: this.now() + RECORD_RETRY_MS, gaveUp };
      }
    }
    while (box.messages.length > 0) {
      const step = await this.step(user, box);
      box = step.box;
      gaveUp ||= step.gaveUp;
      if (step.waitUntil !== null) return { outbox: box, waitUntil: step.waitUntil, gaveUp };
    }
    return { outbox: null, waitUntil: null, gaveUp };
  }

  /**
   * The first message of the outbox, top-down:
   * 1. prepare: conversation read, entries `to_deliver` (storage work, done before the slot);
   * 2. slot: book one (again, when none is booked, a 429 paused the tenant past it or it has
   *    passed), or come back at it;
   * 3. send: only the request leaves; one that could not leave in its slot is booked again;
   * 4. record: the use case writes Teams' answer (`delivered`, `failed`, conversation status);
   * 5. settle: what the outcome means for the rest of the outbox (`nextStep`), then done here.
   * A conversation found closed while preparing goes straight to 5.
   */
  private async step(user: UserKey, start: Outbox): Promise<Step> {
    const { deliver, budget } = this.deps;
    const head = start.messages[0];
    const prepared = start.prepared ?? (await deliver.prepare(head));
    if (prepared.kind === 'dropped') return this.settle(user, start, head, prepared);

    const now = this.now();
    const paused = await budget.tenantPausedUntil(user.tenantId, new Date(now));
    let slotAt = start.slotAt;
    if (slotAt === null || (paused !== null && slotAt < paused.getTime()) || now - slotAt > LATE_SEND_MS) {
      const grant = await budget.reserve(user.tenantId, userKeyString(user), new Date(now));
      if (!grant.booked) return this.deferred({ ...start, prepared, slotAt: null }, grant.retryAt.getTime());
      slotAt = grant.at.getTime();
    }
    const box: Outbox = { ...start, prepared, slotAt };
    if (slotAt > this.now()) return this.deferred(box, slotAt);

    const answer = await deliver.send(head, prepared, { notAfter: new Date(slotAt + LATE_SEND_MS) });
    if (answer.outcome === 'late') return this.deferred({ ...box, slotAt: null }, null);

    const outcome = await deliver.record(head, answer);
    return this.settle(user, box, head, outcome);
  }

  /** Step 5: decides (`nextStep`, pure), then pauses the tenant, reports, and takes messages off the outbox. */
  private async settle(user: UserKey, box: Outbox, head: Notification, outcome: DeliveryOutcome): Promise<Step> {
    const { deps } = this;
    const now = this.now();
    const next = nextStep(outcome, box, now, deps.random);
    if (next.pauseTenantMs !== null) await deps.budget.pauseTenant(user.tenantId, new Date(now + next.pauseTenantMs));
    reportAnswer(deps, user, head, outcome, next);
    if (next.headLeft) deps.onSettled(-1);
    for (const message of next.discard) {
      await deps.deliver.discard(message);
      deps.onSettled(-1);
    }
    return { box: next.box, waitUntil: next.waitUntil, gaveUp: next.gaveUp };
  }

  /** Not sent yet: come back at `until` (null: at once, after booking again). */
  private deferred(box: Outbox, until: number | null): Step {
    this.deps.metrics.deferred('rate_limit');
    return { box, waitUntil: until, gaveUp: false };
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
