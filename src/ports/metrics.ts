/**
 * The product's metrics, by role. Names, help texts and label names live here because dashboards
 * and alerts depend on them: adding one is a change to this catalogue, never an ad-hoc string at
 * the call site. Label values must come from small fixed sets (a kind, an outcome, an error code,
 * a route pattern), never from ids, URLs or user input: every distinct value is a new time series.
 *
 * Use: `metrics.counter('notificationCardsSent').inc({ kind: 'signal' })`.
 */
export const METRIC_CATALOGUE = {
  jobQueueDepth: {
    type: 'gauge',
    name: 'afas_teams_job_queue_depth',
    help: 'Notification jobs in the shared queue (REDIS_URL), by lane (default|send) and state (waiting|delayed|active); sampled by each replica.',
    labels: ['lane', 'state'],
  },
  jobQueueLag: {
    type: 'gauge',
    name: 'afas_teams_job_queue_lag_seconds',
    help: 'How long the oldest due job of a lane of the shared queue has waited for a worker (0: none waits).',
    labels: ['lane'],
  },
  dependencyUp: {
    type: 'gauge',
    name: 'afas_teams_dependency_up',
    help: 'Whether this replica reaches a dependency (database|redis): 1 yes, 0 no; sampled.',
    labels: ['dependency'],
  },
  notificationPolls: {
    type: 'counter',
    name: 'afas_teams_notification_polls_total',
    help: 'Polls of AFAS for new tasks and signals, by item kind (task|signal) and outcome (ok|failed|skipped).',
    labels: ['kind', 'outcome'],
  },
  notificationItemsFound: {
    type: 'counter',
    name: 'afas_teams_notification_items_found_total',
    help: 'New items a poll found, by kind (task|signal).',
    labels: ['kind'],
  },
  notificationCardsSent: {
    type: 'counter',
    name: 'afas_teams_notification_cards_sent_total',
    help: 'Proactive cards Teams accepted, by kind (task|signal|digest).',
    labels: ['kind'],
  },
  notificationsDeferred: {
    type: 'counter',
    name: 'afas_teams_notifications_deferred_total',
    help: 'Notifications held back for later, by reason (quiet_hours|rate_limit|retry_after|outside_working_day).',
    labels: ['reason'],
  },
  teamsThrottled: {
    type: 'counter',
    name: 'afas_teams_teams_throttled_total',
    help: 'HTTP 429 answers from the Teams Bot Connector to proactive sends.',
    labels: [],
  },
  notificationFailures: {
    type: 'counter',
    name: 'afas_teams_notification_failures_total',
    help: 'Failed notification polls or sends, by stable error code (AppError code or Teams status).',
    labels: ['code'],
  },
  outboxDepth: {
    type: 'gauge',
    name: 'afas_teams_notification_outbox_depth',
    help: 'Notifications waiting in the outbox to be sent.',
    labels: [],
  },
  pollLag: {
    type: 'gauge',
    name: 'afas_teams_notification_poll_lag_seconds',
    help: 'How far the most overdue user poll is behind its schedule, in seconds.',
    labels: [],
  },
  httpRequestDuration: {
    type: 'histogram',
    name: 'afas_teams_http_request_duration_seconds',
    help: 'HTTP requests served (the _count is the request count), by method, route pattern and status.',
    labels: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  },
  afasCallDuration: {
    type: 'histogram',
    name: 'afas_teams_afas_call_duration_seconds',
    help: 'Calls to AFAS Profit (the _count is the call count), by operation (connector|otp|token) and code (ok or the error code).',
    labels: ['operation', 'code'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  },
} as const satisfies Record<string, MetricSpec>;

export interface MetricSpec {
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly name: string;
  readonly help: string;
  readonly labels: readonly string[];
  /** Histogram bucket upper bounds, in the metric's unit. */
  readonly buckets?: readonly number[];
}

type Catalogue = typeof METRIC_CATALOGUE;
type OfType<T extends MetricSpec['type']> = { [K in keyof Catalogue]: Catalogue[K]['type'] extends T ? K : never }[keyof Catalogue];

export type CounterName = OfType<'counter'>;
export type GaugeName = OfType<'gauge'>;
export type HistogramName = OfType<'histogram'>;
export type MetricName = keyof Catalogue;

/** The labels a metric takes: exactly its catalogue's label names, each with a string value. */
export type LabelsOf<N extends MetricName> = { readonly [L in Catalogue[N]['labels'][number]]: string };

export interface Counter<N extends CounterName> {
  /** Adds `by` (default 1, never negative). Metrics without labels take `{}`. */
  inc(labels: LabelsOf<N>, by?: number): void;
}

export interface Gauge<N extends GaugeName> {
  set(labels: LabelsOf<N>, value: number): void;
}

export interface Histogram<N extends HistogramName> {
  /** Records one observation (seconds for `_seconds` metrics). */
  observe(labels: LabelsOf<N>, value: number): void;
}

/** Where the product records what it does. Implementations must never throw into the caller. */
export interface Metrics {
  counter<N extends CounterName>(name: N): Counter<N>;
  gauge<N extends GaugeName>(name: N): Gauge<N>;
  histogram<N extends HistogramName>(name: N): Histogram<N>;
}

/** What `GET /metrics` serves: the current values in a scraper's text format. */
export interface MetricsExposition {
  readonly contentType: string;
  render(): Promise<string>;
}
