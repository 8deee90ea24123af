/**
 * Microsoft Teams' limits for a bot's proactive messages, in one place (from Microsoft's Teams
 * developer documentation; they change over time, so nothing else hard-codes them).
 * The scheduler keeps to them before sending rather than learning them from 429 answers.
 */
export interface RateLimit {
  /** At most this many sends ... */
  readonly limit: number;
  /** ... in any window of this many milliseconds. */
  readonly windowMs: number;
}

/** The whole app, per tenant: 50 requests per second. */
export const TENANT_SEND_LIMITS: readonly RateLimit[] = Object.freeze([{ limit: 50, windowMs: 1000 }]);

/** One conversation, one bot: 7 / 1 s, 8 / 2 s, 60 / 30 s, 1800 / hour. */
export const CONVERSATION_SEND_LIMITS: readonly RateLimit[] = Object.freeze([
  { limit: 7, windowMs: 1000 },
  { limit: 8, windowMs: 2000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
]);

/**
 * Every window is counted this much longer than Teams counts it. A send leaves a moment after its
 * slot (event-loop delay, connection reuse); without slack two bursts a second apart can land in
 * the same second at Teams' end.
 */
export const WINDOW_SAFETY_MARGIN_MS = 50;

/**
 * A tenant's sends are spread evenly, this much slower than the limit allows (50/s → one every
 * 21.4 ms, 46.7/s): then every one-second window holds at most 47 sends, and three that leave a
 * little late and arrive together (a busy event loop, network jitter) still stay within 50.
 */
export const TENANT_PACING_FACTOR = 1.07;

/**
 * The first second of sends after a quiet spell is paced half as fast again: that is when the
 * process is busiest (everyone's polls at once after a start or a maintenance), requests leave it
 * later than their slot and arrive bunched. Costs a third of a second per burst.
 */
export const TENANT_COLD_START = Object.freeze({ factor: 1.5, spanMs: 1000 });

/**
 * A send that cannot leave within this long after its slot (the process stalled) is not sent but
 * booked again: sent late, it would land among the sends booked after it.
 */
export const LATE_SEND_MS = 50;

/** 429 without Retry-After, and 412/502/503/504: exponential backoff with full jitter, bounded. */
export const SEND_RETRY = Object.freeze({ baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5 });

/** A 429's Retry-After is honoured up to this long; a longer one is read as this (a misbehaving proxy). */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** HTTP statuses Teams answers that are worth another try later. */
export const TRANSIENT_SEND_STATUSES: ReadonlySet<number> = new Set([412, 502, 503, 504]);

/** A proactive send whose answer has not come after this long counts as an unknown outcome. */
export const SEND_TIMEOUT_MS = 30_000;
