import type { Metrics } from '../ports/metrics';

/** What the notification engine counts. Label values come from small fixed sets only. */
export interface NotificationMetrics {
  pollCompleted(kind: 'task' | 'signal', outcome: 'ok' | 'failed' | 'skipped'): void;
  itemsFound(kind: 'task' | 'signal', count: number): void;
  /** `task`, `signal` (one item), `summary`, `baseline`, `reactivate` or `digest`. */
  cardSent(kind: string): void;
  deferred(reason: 'quiet_hours' | 'rate_limit' | 'retry_after'): void;
  throttled(): void;
  /** A stable code: an AFAS error code, `teams_<status or code>`, `send_outcome_unknown`, ... */
  failure(code: string): void;
  /** Messages waiting for a send slot or a retry, in this process. */
  outboxDepth(depth: number): void;
  /** How late a user's job started against its schedule. */
  pollLag(seconds: number): void;
}

export const NO_NOTIFICATION_METRICS: NotificationMetrics = Object.freeze({
  pollCompleted: () => undefined,
  itemsFound: () => undefined,
  cardSent: () => undefined,
  deferred: () => undefined,
  throttled: () => undefined,
  failure: () => undefined,
  outboxDepth: () => undefined,
  pollLag: () => undefined,
});

/** Binds the engine's counters to the product's metrics catalogue (`src/ports/metrics.ts`). */
export function notificationMetricsFrom(metrics: Metrics): NotificationMetrics {
  const polls = metrics.counter('notificationPolls');
  const found = metrics.counter('notificationItemsFound');
  const sent = metrics.counter('notificationCardsSent');
  const deferred = metrics.counter('notificationsDeferred');
  const throttled = metrics.counter('teamsThrottled');
  const failures = metrics.counter('notificationFailures');
  const depth = metrics.gauge('outboxDepth');
  const lag = metrics.gauge('pollLag');
  return {
    pollCompleted: (kind, outcome) => polls.inc({ kind, outcome }),
    itemsFound: (kind, count) => found.inc({ kind }, count),
    cardSent: (kind) => sent.inc({ kind }),
    deferred: (reason) => deferred.inc({ reason }),
    throttled: () => throttled.inc({}),
    failure: (code) => failures.inc({ code }),
    outboxDepth: (value) => depth.set({}, value),
    pollLag: (seconds) => lag.set({}, seconds),
  };
}
