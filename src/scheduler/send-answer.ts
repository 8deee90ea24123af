import { MAX_RETRY_AFTER_MS, SEND_RETRY } from '../domain/teams-limits';
import type { Notification } from '../domain/notification';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { Logger } from '../ports/logger';
import type { SendBudget } from '../ports/send-budget';
import type { DeliverNotification, DeliveryOutcome } from '../use-cases/deliver-notification';
import { sendRetryDelay, type Random } from './backoff';
import type { NotificationMetrics } from './notification-metrics';
import type { Outbox } from './user-job';

/** A `delivered` that could not be written is tried again this much later (never the send). */
export const RECORD_RETRY_MS = 5000;

/** What one send step did to the outbox: the rest, when to come back (null: carry on), whether a message was given up. */
export interface Step {
  readonly box: Outbox;
  readonly waitUntil: number | null;
  readonly gaveUp: boolean;
}

export interface SendAnswerDeps {
  readonly deliver: DeliverNotification;
  readonly budget: SendBudget;
  readonly logger: Logger;
  readonly metrics: NotificationMetrics;
  readonly random: Random;
  /** Called with -1 for every message that leaves an outbox. */
  readonly onSettled: (count: number) => void;
}

/**
 * What Teams' answer to the first message of an outbox means for the rest: 429 pauses the whole
 * tenant for Retry-After, 412/502/503/504 back off with jitter (bounded; then the next poll offers
 * the items again), 413 puts a smaller rendering first, 403/404 drop everything left.
 */
export class SendAnswer {
  constructor(private readonly deps: SendAnswerDeps) {}

  async apply(user: UserKey, box: Outbox, head: Notification, result: Exclude<DeliveryOutcome, { kind: 'late' }>, now: number): Promise<Step> {
    const { deps } = this;
    const log = { user: userKeyString(user), type: head.content.type, detail: head.detail };
    const carryOn = (next: Outbox, gaveUp = false): Step => ({ box: next, waitUntil: null, gaveUp });
    switch (result.kind) {
      case 'sent':
        deps.metrics.cardSent(cardLabel(head));
        return carryOn(this.shift(box));
      case 'sentUnrecorded':
        deps.metrics.cardSent(cardLabel(head));
        deps.logger.error({ ...log, code: 'ledger_write_failed', err: errorText(result.error) }, 'Teams accepted the message but delivered could not be written; recording it later');
        return { box: { ...this.shift(box), unrecorded: [...box.unrecorded, ...result.entries] }, waitUntil: now + RECORD_RETRY_MS, gaveUp: false };
      case 'shrink':
        deps.metrics.failure('teams_message_too_large');
        deps.logger.warn({ ...log, code: 'teams_message_too_large', next: result.notification.detail }, 'Teams refused the message as too large; sending a smaller one');
        return carryOn({ ...box, messages: [result.notification, ...box.messages.slice(1)], prepared: null, attempts: 0 });
      case 'throttled': {
        deps.metrics.throttled();
        const attempts = box.attempts + 1;
        const waitMs = Math.min(MAX_RETRY_AFTER_MS, result.retryAfterMs ?? sendRetryDelay(attempts, deps.random));
        await deps.budget.pauseTenant(user.tenantId, new Date(now + waitMs));
        deps.logger.warn({ ...log, code: 'teams_throttled', retryAfterMs: waitMs, attempts }, 'Teams answered 429; the tenant waits');
        if (attempts >= SEND_RETRY.maxAttempts) return carryOn(this.giveUp(box, log, 'teams_throttled'), true);
        deps.metrics.deferred('retry_after');
        return { box: { ...box, attempts }, waitUntil: now + waitMs, gaveUp: false };
      }
      case 'retry': {
        deps.metrics.failure(result.code);
        const attempts = box.attempts + 1;
        if (attempts >= SEND_RETRY.maxAttempts) return carryOn(this.giveUp(box, log, result.code), true);
        deps.logger.warn({ ...log, code: result.code, attempts }, 'Teams send failed for now; trying again after a backoff');
        deps.metrics.deferred('retry_after');
        return { box: { ...box, attempts }, waitUntil: now + sendRetryDelay(attempts, deps.random), gaveUp: false };
      }
      case 'dropped':
        if (result.closed) return carryOn(await this.closed(user, box, head, result.code));
        deps.metrics.failure(result.code);
        deps.logger.warn({ ...log, code: result.code }, 'Teams did not take the message; given up');
        return carryOn(this.shift(box));
    }
  }

  /** The conversation takes no messages (blocked, retired, gone): the rest is marked failed without a send. */
  async closed(user: UserKey, box: Outbox, head: Notification, code: string): Promise<Outbox> {
    this.deps.metrics.failure(code);
    this.deps.logger.warn({ user: userKeyString(user), type: head.content.type, code }, 'the conversation takes no messages; stopped sending to this user');
    let rest = this.shift(box);
    while (rest.messages.length > 0) {
      await this.deps.deliver.discard(rest.messages[0]);
      rest = this.shift(rest);
    }
    return rest;
  }

  private shift(box: Outbox): Outbox {
    this.deps.onSettled(-1);
    return { ...box, messages: box.messages.slice(1), prepared: null, slotAt: null, attempts: 0 };
  }

  private giveUp(box: Outbox, log: Record<string, unknown>, code: string): Outbox {
    this.deps.logger.warn({ ...log, code, attempts: box.attempts + 1 }, 'Teams send given up for now; the next poll offers it again');
    return this.shift(box);
  }
}

/** The metrics label of a sent message. */
export function cardLabel(notification: Notification): string {
  return notification.content.type === 'item' ? notification.content.item.kind : notification.content.type;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
