import { smallerDetail, type LedgerRef, type Notification } from '../domain/notification';
import type { Clock } from '../ports/clock';
import type { ConversationReferenceJson, ConversationStore } from '../ports/conversation-store';
import type { DeliveryLedger } from '../ports/delivery-ledger';
import type { Notifier, SendOptions, SendResult } from '../ports/notifier';
import { setRefsState } from './ledger-refs';
import type { ProactiveTaskCards } from './proactive-task-cards';

export interface DeliverNotificationDeps {
  readonly conversations: ConversationStore;
  readonly deliveries: DeliveryLedger;
  readonly notifier: Notifier;
  readonly clock: Clock;
  /** Keeps the activity id of a task card with actions (absent: not kept). */
  readonly taskCards?: Pick<ProactiveTaskCards, 'sent'>;
}

/** What one message's send means for it, once the ledger and the conversation say so. */
export type DeliveryOutcome =
  /** Teams accepted it and the ledger says `delivered`. */
  | { readonly kind: 'sent' }
  /** Teams accepted it but writing `delivered` failed: record it later, never send it again. */
  | { readonly kind: 'sentUnrecorded'; readonly entries: readonly LedgerRef[]; readonly error: unknown }
  /** 429: wait (null: Teams gave no Retry-After) and send again. */
  | { readonly kind: 'throttled'; readonly retryAfterMs: number | null }
  /** 412/502/503/504 or not sent at all: send again after a backoff. */
  | { readonly kind: 'retry'; readonly code: string }
  /** 413: send this smaller rendering instead (it needs a send slot of its own). */
  | { readonly kind: 'shrink'; readonly notification: Notification }
  /** Given up: entries are `failed`. `closed`: the conversation no longer takes messages. */
  | { readonly kind: 'dropped'; readonly code: string; readonly closed: boolean };

/** Teams' answer to a request that left (a `late` one never did, so there is nothing to record). */
export type TeamsAnswer = Exclude<SendResult, { readonly outcome: 'late' }>;

/** Ready to go: where to, with the attempt already counted in the ledger. */
export interface PreparedSend {
  readonly kind: 'prepared';
  readonly reference: ConversationReferenceJson;
}

/**
 * Sends one notification and records what happened, so that a restart neither loses nor repeats
 * it: every entry is `to_deliver` with the attempt counted before the request leaves (`prepare`)
 * and `delivered` right after Teams accepts (`record`, called with `send`'s answer at once). The
 * storage work is apart from `send` so that it happens before a booked send slot and the request
 * itself leaves on time. 403 marks the conversation blocked and 404 retires it (the user's data
 * stays; writing to the bot or reinstalling makes it active again).
 *
 * The ledger key (user + kind + item id) is the idempotency key: an entry is planned once, and a
 * restart offers only entries still `to_deliver`. The window that remains: Teams has no
 * idempotent send, so a process that dies after Teams accepted a message and before `delivered`
 * is written (the answer's way back plus one ledger write: milliseconds) sends it once more after
 * the restart; the attempt counter stops a message that keeps failing after eight attempts.
 * A send whose outcome the running process cannot tell (no answer in time, a connection reset
 * after the request left, a notifier that throws) is not repeated: Teams may well have shown it.
 */
export class DeliverNotification {
  constructor(private readonly deps: DeliverNotificationDeps) {}

  /** The conversation is read and every entry is `to_deliver`, or (conversation closed) `failed`. */
  async prepare(notification: Notification): Promise<PreparedSend | Extract<DeliveryOutcome, { kind: 'dropped' }>> {
    const { conversations, deliveries, clock } = this.deps;
    const { user, entries } = notification;
    const conversation = await conversations.get(user);
    if (!conversation || conversation.status !== 'active') {
      await setRefsState(deliveries, user, entries, 'failed', clock.now());
      return { kind: 'dropped', code: `conversation_${conversation?.status ?? 'missing'}`, closed: true };
    }
    await setRefsState(deliveries, user, entries, 'to_deliver', clock.now());
    return { kind: 'prepared', reference: conversation.reference };
  }

  /**
   * Only the request, so that it leaves in its slot; any answer but `late` goes to `record` at once.
   * A notifier that throws counts as `unknown`.
   */
  async send(notification: Notification, prepared: PreparedSend, options: SendOptions = {}): Promise<SendResult> {
    try {
      return await this.deps.notifier.send(prepared.reference, notification, options);
    } catch (error) {
      return { outcome: 'unknown', code: error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'notifier_error' };
    }
  }

  /** Writes what Teams' answer means for the ledger and the conversation, and returns it. */
  async record(notification: Notification, answer: TeamsAnswer): Promise<DeliveryOutcome> {
    const { conversations, deliveries, clock } = this.deps;
    const { user, entries } = notification;
    switch (answer.outcome) {
      case 'sent':
        try {
          await setRefsState(deliveries, user, entries, 'delivered', clock.now());
        } catch (error) {
          return { kind: 'sentUnrecorded', entries, error };
        }
        await this.deps.taskCards?.sent(notification, answer.activityId);
        return { kind: 'sent' };
      case 'throttled':
        return { kind: 'throttled', retryAfterMs: answer.retryAfterMs };
      case 'transient':
        return { kind: 'retry', code: answer.code };
      case 'blocked':
        await conversations.setStatus(user, 'blocked', clock.now());
        return this.drop(notification, answer.code, true);
      case 'gone':
        await conversations.setStatus(user, 'retired', clock.now());
        return this.drop(notification, answer.code, true);
      case 'tooLarge': {
        const detail = smallerDetail(notification.detail);
        return detail ? { kind: 'shrink', notification: { ...notification, detail } } : this.drop(notification, answer.code, false);
      }
      case 'failed':
      case 'unknown':
        // An unknown outcome is not repeated: Teams may well have shown it (see docs on duplicates).
        return this.drop(notification, answer.code, false);
    }
  }

  private async drop(notification: Notification, code: string, closed: boolean): Promise<DeliveryOutcome> {
    await setRefsState(this.deps.deliveries, notification.user, notification.entries, 'failed', this.deps.clock.now());
    return { kind: 'dropped', code, closed };
  }

  /** Gives a message up without sending it (its conversation closed meanwhile): entries `failed`. */
  async discard(notification: Notification): Promise<void> {
    await setRefsState(this.deps.deliveries, notification.user, notification.entries, 'failed', this.deps.clock.now());
  }

  /** Writes `delivered` for a message Teams accepted earlier (after `sentUnrecorded`). */
  async recordDelivered(notification: Pick<Notification, 'user'>, entries: readonly LedgerRef[]): Promise<void> {
    await setRefsState(this.deps.deliveries, notification.user, entries, 'delivered', this.deps.clock.now());
  }
}
