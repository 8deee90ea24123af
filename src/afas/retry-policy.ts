import type { AfasError } from '../domain/afas-error';

export interface RetryOptions {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A 503 asking for a longer wait fails at once (with `retryAfterSeconds`) so callers can pause. */
  readonly maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterSeconds: 120,
});

/**
 * How far a request may be repeated:
 * - `idempotent`: reads (GET) — again after 503, timeouts and network errors;
 * - `unsent-only`: only when the request provably never left (connection refused, name not
 *   resolved) — for `otprequest`, where a repeat that did arrive mails the user a second code;
 * - `never`: `otpvalidation` — a code is single-use, a repeat could burn or double-count it.
 */
export type RetryMode = 'idempotent' | 'unsent-only' | 'never';

export interface FailedAttempt {
  readonly error: AfasError;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly mode: RetryMode;
  /** True when the failure proves no byte of the request reached AFAS. */
  readonly neverSent: boolean;
}

/** Network error codes raised before a connection exists, so the request cannot have arrived. */
export const NEVER_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Decides whether and how long to wait before another attempt. Pure apart from `random`. */
export class RetryPolicy {
  readonly options: RetryOptions;

  constructor(options: Partial<RetryOptions> = {}, private readonly random: () => number = Math.random) {
    this.options = { ...DEFAULT_RETRY_OPTIONS, ...options };
    if (!Number.isInteger(this.options.maxAttempts) || this.options.maxAttempts < 1) throw new RangeError('retry.maxAttempts must be a positive integer');
  }

  /** Milliseconds to wait before the next attempt, or null when the error is final. */
  delayBeforeRetry(failed: FailedAttempt): number | null {
    if (failed.attempt >= this.options.maxAttempts || failed.mode === 'never') return null;
    if (failed.mode === 'unsent-only') return failed.neverSent ? this.backoff(failed.attempt) : null;
    const { error } = failed;
    if (error.code === 'afas_timeout' || error.code === 'afas_network') return this.backoff(failed.attempt);
    if (error.code !== 'afas_unavailable') return null;
    if (error.retryAfterSeconds === undefined) return this.backoff(failed.attempt);
    if (error.retryAfterSeconds > this.options.maxRetryAfterSeconds) return null;
    return error.retryAfterSeconds * 1000;
  }

  /** Exponential backoff with full jitter: a random wait in [0, min(max, base * 2^(attempt-1))). */
  backoff(attempt: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(this.random() * ceiling);
  }
}
