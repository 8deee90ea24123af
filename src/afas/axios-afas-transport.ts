import axios, { type AxiosInstance } from 'axios';
import type { CallLimiter } from '../ports/call-limiter';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KeepAliveAgents } from '../net/keep-alive-agents';
import { watchRequest, type WatchedRequest } from '../net/watched-request';
import { errorForOutcome, type HttpOutcome } from './error-mapping';
import { NEVER_SENT_CODES, type RetryMode, type RetryPolicy } from './retry-policy';

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
  /** The agents behind `http`: each request goes through them watched, to resend an idle reset. */
  readonly agents: KeepAliveAgents;
  readonly baseUrl: string;
  /** Shared by every client of the environment. */
  readonly limiter: CallLimiter;
  readonly retryPolicy: RetryPolicy;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeoutMs: number;
}

/**
 * Sends one logical request to AFAS: waits for a slot of the environment's limiter per attempt,
 * enforces the deadline, maps every failure to an `AfasError` and retries where the policy allows.
 * Within an attempt, a read that died unprocessed on a reused connection (AFAS had closed it) is
 * sent once more at once, on a new connection. Resolves only with a 2xx; the body is left unparsed
 * for the caller's schema.
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
    const url = `${this.deps.baseUrl}/${request.path}${request.query ? `?${request.query}` : ''}`;
    const first = await this.exchange(request, url, watchRequest(this.deps.agents.for(url)));
    // Reads only: Node documents such a request as not processed, but were that ever wrong, a
    // repeated OTP request would mail a second code.
    if (!first.idleReset || request.retry !== 'idempotent') return first.outcome;
    this.deps.logger.info({ method: request.method, endpoint: request.path, code: 'afas_resent_after_idle_reset' }, 'AFAS read died unprocessed on a kept-alive connection AFAS had closed; sent once more on a new connection');
    const fresh = this.deps.agents.oneOff(url);
    try {
      return (await this.exchange(request, url, { agent: fresh, idleReset: () => false })).outcome;
    } finally {
      fresh.destroy();
    }
  }

  /** One request through `via.agent`; `idleReset` says whether it died unprocessed on a reused connection. */
  private async exchange(request: AfasHttpRequest, url: string, via: WatchedRequest): Promise<{ outcome: HttpOutcome; idleReset: boolean }> {
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
        url,
        headers: {
          Accept: 'application/json',
          ...(request.authorization ? { Authorization: request.authorization } : {}),
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        ...(url.toLowerCase().startsWith('https:') ? { httpsAgent: via.agent } : { httpAgent: via.agent }),
      });
      const retryAfter = response.headers['retry-after'];
      const outcome: HttpOutcome = {
        kind: 'response',
        status: response.status,
        retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
        body: typeof response.data === 'string' ? response.data : '',
      };
      return { outcome, idleReset: false };
    } catch (error) {
      if (timedOut) return { outcome: { kind: 'timeout' }, idleReset: false };
      if (!axios.isAxiosError(error)) throw error;
      // Only the code and message travel on: the AxiosError itself holds headers and body.
      return { outcome: { kind: 'network', code: error.code ?? 'UNKNOWN', message: error.message }, idleReset: via.idleReset(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
