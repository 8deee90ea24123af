import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import type { Logger } from '../ports/logger';
import type { Metrics } from '../ports/metrics';
import { requestLogLevel } from '../logging/request-log-level';
import { errorResponse } from './error-response';
import { isLoopbackRequest } from './loopback';

/** Methods recorded by name in metrics; anything else a client invents is counted as `other`. */
const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface HttpServerOptions {
  readonly logger: Logger;
  /**
   * Resolves when the service can serve (storage answers), with the optional dependencies that do
   * not (`missing`: Redis, say: chat and tab still work, notifications pause); rejects otherwise,
   * with a `missing` list when it knows which.
   */
  readonly readiness: () => Promise<void | ReadinessReport>;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
  /** Records every request's duration by method, route pattern and status, when given. */
  readonly metrics?: Metrics;
}

/** What /readyz says beside its status: the dependencies this replica cannot reach. */
export interface ReadinessReport {
  readonly missing: readonly string[];
}

/**
 * The product's HTTP server (restify): JSON logs with a request id, `/healthz`, `/readyz`, one error
 * handler, and a graceful close that lets in-flight requests finish.
 */
export class HttpServer {
  readonly restify: restify.Server;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(options: HttpServerOptions) {
    const server = restify.createServer({ name: 'afas-for-teams', ignoreTrailingSlash: true, handleUncaughtExceptions: false });
    this.restify = server;
    server.pre((req, res, next) => {
      this.inFlight += 1;
      res.setHeader('x-request-id', req.getId());
      let counted = true;
      const done = () => {
        if (!counted) return;
        counted = false;
        this.inFlight -= 1;
        if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
      };
      res.once('finish', done);
      res.once('close', done);
      return next();
    });
    server.use(restify.plugins.queryParser({ mapParams: false }));
    server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: options.maxBodyBytes ?? 1_000_000, rejectUnknown: false }));
    server.on('after', (req: restify.Request, res: restify.Response) => {
      const ms = Date.now() - req.time();
      const entry = { requestId: req.getId(), method: req.method ?? '', path: req.path(), status: res.statusCode, ms };
      options.logger[requestLogLevel(entry)](entry, 'request');
      // The route pattern, not the path: paths carry ids and would make a series per request.
      const route = String(req.getRoute()?.path ?? 'unmatched');
      const method = HTTP_METHODS.has(req.method ?? '') ? String(req.method) : 'other';
      options.metrics?.histogram('httpRequestDuration').observe({ method, route, status: String(res.statusCode) }, ms / 1000);
    });
    server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, cb: () => void) => {
      if (typeof err.statusCode === 'number' && err.statusCode < 500) {
        const code = err.statusCode === 404 ? 'not_found' : err.statusCode === 405 ? 'method_not_allowed' : err.statusCode === 413 ? 'payload_too_large' : 'bad_request';
        err.toJSON = () => ({ code, message: err.message, requestId: req.getId() });
        return cb();
      }
      const { status, body } = errorResponse(err, req.getId());
      options.logger.error({ requestId: req.getId(), code: body.code, err: describe(err) }, 'request failed');
      res.status(status);
      (err as { statusCode?: number }).statusCode = status;
      err.toJSON = () => body;
      return cb();
    });
    server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
      res.send(200, { status: 'ok' });
    });
    server.get('/readyz', async (req: restify.Request, res: restify.Response) => {
      try {
        const report = await options.readiness();
        res.send(200, report && report.missing.length > 0 ? { status: 'degraded', missing: report.missing } : { status: 'ready' });
      } catch (error) {
        options.logger.warn({ requestId: req.getId(), err: describe(error) }, 'not ready');
        const missing = error instanceof Error && 'missing' in error && Array.isArray(error.missing) ? { missing: error.missing as unknown[] } : {};
        res.send(503, { status: 'not ready', code: 'not_ready', ...missing });
      }
    });
  }

  /**
   * Development routes that must answer this machine only: a request from elsewhere, or to a host
   * name other than localhost / 127.0.0.1 / [::1] (a DNS-rebinding page), gets a 403 before any
   * handler or body parser runs.
   */
  restrictToLoopback(paths: readonly string[]): void {
    if (paths.length === 0) return;
    const restricted = new Set(paths.map((path) => path.replace(/\/+$/, '')));
    this.restify.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
      const path = (req.getPath() ?? '').replace(/\/+$/, '');
      if (!restricted.has(path) || isLoopbackRequest(req)) return next();
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(403, { code: 'loopback_only', message: 'This development route answers only on localhost, 127.0.0.1 or [::1].' });
      return next(false);
    });
  }

  /** Registers a POST route whose handler writes the response itself (the bot endpoint). */
  post(path: string, handler: (req: restify.Request, res: restify.Response) => Promise<void>): void {
    this.restify.post(path, async (req: restify.Request, res: restify.Response) => handler(req, res));
  }

  async listen(port: number, host: string): Promise<{ port: number; origin: string }> {
    await new Promise<void>((resolve, reject) => {
      this.restify.server.once('error', reject);
      this.restify.listen(port, host, () => {
        this.restify.server.off('error', reject);
        resolve();
      });
    });
    const address = this.restify.server.address() as AddressInfo;
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    return { port: address.port, origin: `http://${shownHost}:${address.port}` };
  }

  /** Stops accepting connections, waits up to `graceMs` for in-flight requests, then closes the rest. */
  async close(graceMs = 10_000): Promise<void> {
    const server = this.restify.server;
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
    }
    server.closeAllConnections();
    await closed;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }
}

/** Error facts for a log line: code and message, never a request config that may hold secrets. */
export function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { message: String(error) };
}
