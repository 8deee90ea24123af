import type { Notification } from '../domain/notification';
import type { ConversationReferenceJson } from './conversation-store';

/**
 * What Teams made of one proactive message. Every Bot Connector answer maps to one of these:
 * - `sent`: accepted (2xx);
 * - `throttled`: 429; wait `retryAfterMs` (from Retry-After; null = none given: back off);
 * - `transient`: 412/502/503/504, or the request provably never left (connection refused);
 * - `blocked`: 403 (ConversationBlockedByUser, BotDisabledByAdmin, BotNotInConversationRoster, ...);
 * - `gone`: 404 ConversationNotFound: the stored reference is dead;
 * - `tooLarge`: 413 MessageSizeTooBig: render smaller, never send the same payload again;
 * - `failed`: 500 and anything else final;
 * - `unknown`: the request left but no answer came (timeout, connection reset): Teams may have it;
 * - `late`: nothing was sent, because the request could not leave by `notAfter`.
 */
export type SendResult =
  | { readonly outcome: 'sent'; readonly activityId: string | null }
  | { readonly outcome: 'throttled'; readonly retryAfterMs: number | null }
  | { readonly outcome: 'transient'; readonly status: number | null; readonly code: string }
  | { readonly outcome: 'blocked'; readonly code: string }
  | { readonly outcome: 'gone'; readonly code: string }
  | { readonly outcome: 'tooLarge'; readonly code: string }
  | { readonly outcome: 'failed'; readonly status: number | null; readonly code: string }
  | { readonly outcome: 'unknown'; readonly code: string }
  | { readonly outcome: 'late' };

export interface SendOptions {
  /**
   * The end of the send slot: when the request cannot leave by then (the process was busy), it is
   * not sent at all; sent late, it could crowd Teams' next second with the sends booked after it.
   */
  readonly notAfter?: Date;
}

export type SendOutcome = SendResult['outcome'];

/**
 * Sends a notification into a stored 1:1 conversation, rendered in the notification's language
 * and detail, with a Teams notification alert. Exactly one HTTP request per call, never retried
 * inside: retries, budgets and Retry-After belong to the caller. Resolves for every answer Teams
 * gives; rejects only on a programming error (the caller treats that like `unknown`).
 */
export interface Notifier {
  send(reference: ConversationReferenceJson, notification: Notification, options?: SendOptions): Promise<SendResult>;
}
