import { LATE_SEND_MS } from '../domain/teams-limits';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { Clock } from '../ports/clock';
import { errorText, RECORD_RETRY_MS, SendAnswer, type SendAnswerDeps, type Step } from './send-answer';
import type { Outbox } from './user-job';

export interface OutboxSenderDeps extends SendAnswerDeps {
  readonly clock: Clock;
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
  private readonly answer: SendAnswer;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.answer = new SendAnswer(deps);
  }

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

  /** The first message: prepared, in a booked slot (or come back at it), sent, and Teams' answer applied. */
  private async step(user: UserKey, start: Outbox): Promise<Step> {
    const { deps } = this;
    const head = start.messages[0];
    let box = start;
    if (!box.prepared) {
      const prepared = await deps.deliver.prepare(head);
      if (prepared.kind !== 'prepared') return { box: await this.answer.closed(user, box, head, prepared.code), waitUntil: null, gaveUp: false };
      box = { ...box, prepared };
    }
    const now = this.now();
    const paused = await deps.budget.tenantPausedUntil(user.tenantId, new Date(now));
    if (box.slotAt === null || (paused !== null && box.slotAt < paused.getTime()) || now - box.slotAt > LATE_SEND_MS) {
      const grant = await deps.budget.reserve(user.tenantId, userKeyString(user), new Date(now));
      if (!grant.booked) return this.deferred({ ...box, slotAt: null }, grant.retryAt.getTime());
      box = { ...box, slotAt: grant.at.getTime() };
    }
    const slotAt = box.slotAt ?? now;
    if (slotAt > this.now()) return this.deferred(box, slotAt);
    const result = await deps.deliver.send(head, box.prepared!, { notAfter: new Date(slotAt + LATE_SEND_MS) });
    if (result.kind === 'late') {
      deps.metrics.deferred('rate_limit');
      return { box: { ...box, slotAt: null }, waitUntil: null, gaveUp: false };
    }
    return this.answer.apply(user, { ...box, slotAt: null, prepared: null }, head, result, this.now());
  }

  private deferred(box: Outbox, until: number): Step {
    this.deps.metrics.deferred('rate_limit');
    return { box, waitUntil: until, gaveUp: false };
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
