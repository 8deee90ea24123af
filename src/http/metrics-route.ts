import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { MetricsExposition } from '../ports/metrics';
import type { HttpServer } from './http-server';

export interface MetricsRouteOptions {
  /**
   * When set, scrapers must send `Authorization: Bearer <token>`. The bot's port is public (Teams
   * must reach /api/messages), so a deployment without a private network in front should set one.
   */
  readonly bearerToken?: string | null;
}

function authorised(req: Request, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(req.header('authorization') ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `GET /metrics`: the current values in the scraper's text format (Prometheus 0.0.4). */
export function registerMetricsRoute(server: HttpServer, exposition: MetricsExposition, options: MetricsRouteOptions = {}): void {
  server.restify.get('/metrics', async (req: Request, res: Response) => {
    if (options.bearerToken && !authorised(req, options.bearerToken)) {
      res.send(401, { code: 'unauthorized', message: 'This endpoint needs a bearer token.' });
      return;
    }
    // sendRaw: the body is already text in the scraper's format; restify's JSON formatter must not touch it.
    res.sendRaw(200, await exposition.render(), { 'content-type': exposition.contentType, 'cache-control': 'no-store' });
  });
}
