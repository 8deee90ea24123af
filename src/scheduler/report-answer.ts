import type { Notification } from '../domain/notification';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { Logger } from '../ports/logger';
import type { DeliveryOutcome } from '../use-cases/deliver-notification';
import type { NextStep } from './next-step';
import type { NotificationMetrics } from './notification-metrics';

export interface AnswerReporting {
  readonly logger: Logger;
  readonly metrics: NotificationMetrics;
}

/** Logs and counts a message's outcome and what `nextStep` made of it. */
export function reportAnswer({ logger, metrics }: AnswerReporting, user: UserKey, head: Notification, outcome: DeliveryOutcome, next: NextStep): void {
  const log = { user: userKeyString(user), type: head.content.type, detail: head.detail };
  const givenUp = (code: string): void => logger.warn({ ...log, code, attempts: next.attempts }, 'Teams send given up for now; the next poll offers it again');
  switch (outcome.kind) {
    case 'sent':
      metrics.cardSent(cardLabel(head));
      return;
    case 'sentUnrecorded':
      metrics.cardSent(cardLabel(head));
      logger.error({ ...log, code: 'ledger_write_failed', err: errorText(outcome.error) }, 'Teams accepted the message but delivered could not be written; recording it later');
      return;
    case 'shrink':
      metrics.failure('teams_message_too_large');
      logger.warn({ ...log, code: 'teams_message_too_large', next: outcome.notification.detail }, 'Teams refused the message as too large; sending a smaller one');
      return;
    case 'throttled':
      metrics.throttled();
      logger.warn({ ...log, code: 'teams_throttled', retryAfterMs: next.pauseTenantMs, attempts: next.attempts }, 'Teams answered 429; the tenant waits');
      if (next.gaveUp) givenUp('teams_throttled');
      else metrics.deferred('retry_after');
      return;
    case 'retry':
      metrics.failure(outcome.code);
      if (next.gaveUp) return givenUp(outcome.code);
      logger.warn({ ...log, code: outcome.code, attempts: next.attempts }, 'Teams send failed for now; trying again after a backoff');
      metrics.deferred('retry_after');
      return;
    case 'dropped':
      metrics.failure(outcome.code);
      if (outcome.closed) logger.warn({ user: log.user, type: log.type, code: outcome.code }, 'the conversation takes no messages; stopped sending to this user');
      else logger.warn({ ...log, code: outcome.code }, 'Teams did not take the message; given up');
  }
}

/** The metrics label of a sent message. */
export function cardLabel(notification: Notification): string {
  return notification.content.type === 'item' ? notification.content.item.kind : notification.content.type;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
