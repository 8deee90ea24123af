import type { Request, RequestHandler, Response } from 'restify';
import type { Clock } from '../src/ports/clock';
import type { Logger } from '../src/ports/logger';
import { type AfasReply, errorReply, writeReply } from './afas-reply';
import type { FaultInjector } from './fault-injector';
import { respondWithFault } from './fault-responder';
import { readJsonBody } from './request-body';
import type { RequestHolds } from './request-holds';
import type { RequestRecord, RequestStats } from './request-stats';
import type { AfasRoute } from './routes/afas-route';
import { SandboxHttpError, refusals } from './sandbox-http-error';
import type { TokenStore } from './token-store';
import type { UserDirectory } from './user-directory';

/** AFAS (IIS in front of it) answers 404 to a query string longer than this. */
export const MAX_QUERY_LENGTH = 2049;

export interface PipelineDeps {
  readonly routes: readonly AfasRoute[];
  readonly tokens: Pick<TokenStore, 'userForHeader'>;
  readonly directory: UserDirectory;
  readonly faults: FaultInjector;
  readonly stats: RequestStats;
  readonly holds: RequestHolds;
  readonly clock: Clock;
  readonly logger: Logger;
}

interface Matched {
  readonly route: AfasRoute;
  readonly params: readonly string[];
}

function sentConnectionClose(req: Request): boolean {
  const header = req.headers.connection;
  return String(header ?? '').toLowerCase().split(',').some((token) => token.trim() === 'close');
}

/** Every request below the prefix: record, count, apply faults, authenticate, route, answer. */
export class RequestPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  /** Callback style: restify takes a two-argument handler only if it is a native async function, which depends on the build target. */
  handlerFor(prefix: string): RequestHandler {
    return (req, res, next) => {
      this.handle(req, res, prefix).then(() => next(), (error: unknown) => next(error instanceof Error ? error : new Error(String(error))));
    };
  }

  private async handle(req: Request, res: Response, prefix: string): Promise<void> {
    const { stats, faults, holds, clock } = this.deps;
    res.once('close', stats.begin());
    const url = req.url ?? '';
    const [path, rawQuery = ''] = splitOnce(url, '?');
    const query = new URLSearchParams(rawQuery);
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(query),
      at: clock.now().toISOString(),
      userId: null,
      hasConnectionClose: sentConnectionClose(req),
    };
    stats.record(record);
    try {
      const matched = this.match(record.method, path.slice(prefix.length));
      const plan = faults.plan(path, matched?.route.authenticated ?? true);
      if (plan.latencyMs > 0 && !(await holds.wait(plan.latencyMs, req.socket))) return;
      if (plan.terminal?.kind === 'hang') {
        await holds.wait(Infinity, req.socket);
        return;
      }
      if (plan.terminal) return respondWithFault(res, plan.terminal);
      const reply = await this.answer(req, query, rawQuery, matched, record);
      writeReply(res, reply);
      this.deps.logger.debug({ method: record.method, path, status: reply.status }, 'sandbox request');
    } catch (error) {
      writeReply(res, this.failure(error, path));
    }
  }

  private async answer(req: Request, query: URLSearchParams, rawQuery: string, matched: Matched | null, record: RequestRecord): Promise<AfasReply> {
    if (rawQuery.length > MAX_QUERY_LENGTH) throw refusals.queryTooLong();
    if (!matched) throw refusals.notFound();
    const base = {
      req,
      query,
      params: matched.params,
      identify: (userId: string) => {
        record.userId = userId;
      },
      body: () => readJsonBody(req),
    };
    if (!matched.route.authenticated) return matched.route.handle(base);
    const owner = this.deps.tokens.userForHeader(req.headers.authorization);
    const user = owner === null ? null : this.deps.directory.find(owner);
    if (!user) throw refusals.unauthorized();
    record.userId = user.userId;
    return matched.route.handle({ ...base, user });
  }

  private match(method: string, below: string): Matched | null {
    for (const route of this.deps.routes) {
      const m = route.method === method.toUpperCase() ? route.pattern.exec(below) : null;
      if (!m) continue;
      try {
        return { route, params: m.slice(1).map((p) => decodeURIComponent(p)) };
      } catch {
        return null;
      }
    }
    return null;
  }

  private failure(error: unknown, path: string): AfasReply {
    if (error instanceof SandboxHttpError) return errorReply(error);
    this.deps.logger.error({ code: 'sandbox_internal', path, err: error }, 'sandbox request failed');
    return errorReply(refusals.internal());
  }
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at === -1 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}
