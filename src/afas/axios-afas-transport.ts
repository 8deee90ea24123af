import axios, { type AxiosInstance } from 'axios';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { errorForOutcome, type HttpOutcome } from './error-mapping';
import { NEVER_SENT_CODES, type RetryMode, type RetryPolicy } from './retry-policy';
import type { Semaphore } from './semaphore';

export interface AfasHttpRequest {
  readonly method: 'GET' | 'POST';
  /** Below the base URL, path segments already encoded: `connectors/Teams_Tasks`. */
  readonly path: string;
  /** Encoded query string without `?`. */
  readonly query?: string;
  readonly authorization?: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly retry: RetryMode;
  /** Credentials of this call, kept out of errors and logs. */
  readonly secrets: readonly string[];
}

export interface AfasHttpResponse {
  readonly status: number;
  readonly body: string;
}

export interface AxiosAfasTransportDeps {
  readonly http: AxiosInstance;
  readonly baseUrl: string;
  /** Shared by every client of the environment. */
  readonly limiter: Semaphore;
  readonly retryPolicy: RetryPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeoutMs: number;
}

/**
 * Sends one logical request to AFAS: waits for a slot of the environment's limiter per attempt,
 * enforces the deadline, maps every failure to an `AfasError` and retries where the policy allows.
 * Resolves only with a 2xx; the body is left unparsed for the caller's schema.
 */
export class AxiosAfasTransport {
  constructor(private readonly deps: AxiosAfasTransportDeps) {}

  async send(request: AfasHttpRequest): Promise<AfasHttpResponse> {
    const { clock, logger, limiter, retryPolicy, timeoutMs } = this.deps;
    const endpoint = request.path;
    for (let attempt = 1; ; attempt++) {
      // The slot is held for the attempt only, never while sleeping before a retry.
      const outcome = await limiter.run(() => this.attempt(request));
      if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
        logger.debug({ method: request.method, endpoint, status: outcome.status, attempt }, 'AFAS call succeeded');
        return { status: outcome.status, body: outcome.body };
      }
      const error = errorForOutcome(outcome, { endpoint, timeoutMs, secrets: request.secrets, now: clock.now() });
      const neverSent = outcome.kind === 'network' && NEVER_SENT_CODES.has(outcome.code);
      const delayMs = retryPolicy.delayBeforeRetry({ error, attempt, mode: request.retry, neverSent });
      const fields = { method: request.method, endpoint, code: error.code, status: error.status, attempt };
      if (delayMs === null) {
        logger.debug({ ...fields, profitLogReference: error.profitLogReference }, 'AFAS call failed');
        throw error;
      }
      logger.warn({ ...fields, delayMs }, 'AFAS call failed; retrying');
      await clock.sleep(delayMs);
    }
  }

  private async attempt(request: AfasHttpRequest): Promise<HttpOutcome> {
    // A real timer, not the Clock: the deadline races socket I/O, which a fake clock cannot drive.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.deps.timeoutMs);
    try {
      const response = await this.deps.http.request<unknown>({
        method: request.method,
        url: `${this.deps.baseUrl}/${request.path}${request.query ? `?${request.query}` : ''}`,
        headers: {
          Accept: 'application/json',
          ...(request.authorization ? { Authorization: request.authorization } : {}),
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      const retryAfter = response.headers['retry-after'];
      return {
        kind: 'response',
        status: response.status,
        retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
        body: typeof response.data === 'string' ? response.data : '',
      };
    } catch (error) {
      if (timedOut) return { kind: 'timeout' };
      if (!axios.isAxiosError(error)) throw error;
      // Only the code and message travel on: the AxiosError itself holds headers and body.
      return { kind: 'network', code: error.code ?? 'UNKNOWN', message: error.message };
    } finally {
      clearTimeout(timer);
    }
  }
}
