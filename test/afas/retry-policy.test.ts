import { RetryPolicy, type FailedAttempt, type RetryMode } from '../../src/afas/retry-policy';
import { AfasError, type AfasErrorCode } from '../../src/domain/afas-error';

function failed(code: AfasErrorCode, attempt = 1, mode: RetryMode = 'idempotent', extra: Partial<FailedAttempt> & { retryAfterSeconds?: number } = {}): FailedAttempt {
  const error = new AfasError(code, 'x', { retryAfterSeconds: extra.retryAfterSeconds });
  return { error, attempt, mode, neverSent: extra.neverSent ?? false };
}

describe('RetryPolicy', () => {
  const policy = new RetryPolicy({}, () => 0.5);

  it('waits exactly Retry-After before repeating a GET that got 503', () => {
    expect(policy.delayBeforeRetry(failed('afas_unavailable', 1, 'idempotent', { retryAfterSeconds: 3 }))).toBe(3000);
  });

  it('does not wait inside a request for a Retry-After beyond maxRetryAfterSeconds', () => {
    expect(policy.delayBeforeRetry(failed('afas_unavailable', 1, 'idempotent', { retryAfterSeconds: 121 }))).toBeNull();
    expect(policy.delayBeforeRetry(failed('afas_unavailable', 1, 'idempotent', { retryAfterSeconds: 120 }))).toBe(120_000);
  });

  it('backs off exponentially with full jitter after timeouts, network errors and a 503 without Retry-After', () => {
    const max = new RetryPolicy({}, () => 0.999999);
    expect([1, 2, 3].map((attempt) => max.delayBeforeRetry(failed('afas_timeout', attempt)))).toEqual([499, 999, 1999]);
    expect(policy.delayBeforeRetry(failed('afas_network', 2))).toBe(500);
    expect(policy.delayBeforeRetry(failed('afas_unavailable', 3))).toBe(1000);
  });

  it('caps the backoff at maxDelayMs', () => {
    const long = new RetryPolicy({ maxAttempts: 10 }, () => 0.999999);
    expect(long.delayBeforeRetry(failed('afas_timeout', 9))).toBe(7999);
  });

  it('can jitter down to no wait at all', () => {
    expect(new RetryPolicy({}, () => 0).delayBeforeRetry(failed('afas_network'))).toBe(0);
  });

  it('stops after maxAttempts attempts in total', () => {
    expect(policy.delayBeforeRetry(failed('afas_timeout', 3))).not.toBeNull();
    expect(policy.delayBeforeRetry(failed('afas_timeout', 4))).toBeNull();
  });

  it.each<AfasErrorCode>(['afas_bad_request', 'afas_unauthorized', 'afas_forbidden', 'afas_not_found', 'afas_payload_too_large', 'afas_functional_error', 'afas_bad_response'])(
    'never repeats %s',
    (code) => {
      expect(policy.delayBeforeRetry(failed(code))).toBeNull();
    },
  );

  it('never repeats a call in `never` mode (otpvalidation), whatever went wrong', () => {
    expect(policy.delayBeforeRetry(failed('afas_network', 1, 'never', { neverSent: true }))).toBeNull();
    expect(policy.delayBeforeRetry(failed('afas_unavailable', 1, 'never', { retryAfterSeconds: 1 }))).toBeNull();
  });

  it('repeats an `unsent-only` call (otprequest) only when the request provably never left', () => {
    expect(policy.delayBeforeRetry(failed('afas_network', 1, 'unsent-only', { neverSent: true }))).toBe(250);
    expect(policy.delayBeforeRetry(failed('afas_network', 1, 'unsent-only', { neverSent: false }))).toBeNull();
    expect(policy.delayBeforeRetry(failed('afas_timeout', 1, 'unsent-only'))).toBeNull();
    expect(policy.delayBeforeRetry(failed('afas_unavailable', 1, 'unsent-only', { retryAfterSeconds: 1 }))).toBeNull();
  });

  it('refuses a maxAttempts below one', () => {
    expect(() => new RetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
  });
});
