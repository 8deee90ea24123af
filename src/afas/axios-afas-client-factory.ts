import axios, { type AxiosInstance } from 'axios';
import { normaliseBaseUrl } from '../domain/afas-environment';
import type { AfasClient, AfasClientFactory } from '../ports/afas-client';
import type { CallLimiter } from '../ports/call-limiter';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { KeepAliveAgents } from '../net/keep-alive-agents';
import { AxiosAfasClient } from './axios-afas-client';
import { AxiosAfasTransport } from './axios-afas-transport';
import { RetryPolicy, type RetryOptions } from './retry-policy';
import { Semaphore } from './semaphore';

export interface AxiosAfasClientFactoryOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Deadline of one attempt, connect to last byte. Default 30000. */
  readonly timeoutMs?: number;
  /** Jitter source for backoff; default `Math.random`. */
  readonly random?: () => number;
  /** AFAS allows 8 parallel calls per environment. Default 8. */
  readonly maxInFlightPerEnvironment?: number;
  readonly retry?: Partial<RetryOptions>;
  /** The limiter of one environment (several replicas: one shared in Redis); default a semaphore in this process. */
  readonly limiterFor?: (environment: string, capacity: number) => CallLimiter;
}

/** Environments are told apart by base URL (origin + path); AFAS paths are case-insensitive. */
export function environmentIdentity(baseUrl: string): string {
  return baseUrl.toLowerCase();
}

/**
 * Owns the one axios instance (keep-alive agents: AFAS resets connections sent with
 * `Connection: close`; idle ones are closed by us before AFAS closes them, see `KEEP_ALIVE_IDLE_MS`)
 * and one limiter per environment, shared by every client it hands out.
 */
export class AxiosAfasClientFactory implements AfasClientFactory {
  private readonly agents = new KeepAliveAgents({ minVersion: 'TLSv1.2' });
  private readonly http: AxiosInstance;
  private readonly limiters = new Map<string, CallLimiter>();
  private readonly retryPolicy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly maxInFlight: number;

  constructor(private readonly options: AxiosAfasClientFactoryOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxInFlight = options.maxInFlightPerEnvironment ?? 8;
    this.retryPolicy = new RetryPolicy(options.retry, options.random ?? Math.random);
    this.http = axios.create({
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https,
      // A redirect would carry the Authorization header elsewhere; AFAS does not redirect.
      maxRedirects: 0,
      // Every status comes back as a response and is mapped in one place.
      validateStatus: () => true,
      // The raw text is kept so a non-JSON body can be reported, not silently parsed away.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      headers: { 'User-Agent': 'afas-for-teams' },
    });
  }

  /** A client for the environment at `baseUrl` (https, or http on loopback only). */
  forBaseUrl(baseUrl: string): AfasClient {
    const url = normaliseBaseUrl(baseUrl);
    const key = environmentIdentity(url);
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = this.options.limiterFor?.(key, this.maxInFlight) ?? new Semaphore(this.maxInFlight);
      this.limiters.set(key, limiter);
    }
    const transport = new AxiosAfasTransport({
      http: this.http,
      agents: this.agents,
      baseUrl: url,
      limiter,
      retryPolicy: this.retryPolicy,
      clock: this.options.clock,
      logger: this.options.logger.child({ component: 'afas', afasBaseUrl: url }),
      timeoutMs: this.timeoutMs,
    });
    return new AxiosAfasClient(url, transport);
  }

  /** Closes idle keep-alive connections (shutdown, tests). */
  close(): void {
    this.agents.destroy();
  }
}
