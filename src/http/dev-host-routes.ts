import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { devHostPage, type DevHostPerson } from './dev-host-page';
import { startPage } from './dev-host-start-page';
import { isLoopbackRequest } from './loopback';
import { StaticAssets } from './static-assets';

export interface DevHostDeps {
  readonly people: readonly DevHostPerson[];
  /** A development token for people[index]. */
  readonly issueToken: (index: number) => Promise<string>;
  /** The built tab (holds dev-host.js and dev-host.css). */
  readonly assetDir: string;
  /** The Agents Playground's web UI for the start page, once it runs. */
  readonly playgroundUrl?: () => string | null;
}

export const DEV_HOST_PATH = '/dev/';

const PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; frame-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Demo mode only: `/dev/` frames the tab and plays the Teams host for it (context, theme, SSO with
 * a development token, links). Everything here answers requests from this machine only; to anyone
 * else it does not exist (404).
 */
export function registerDevHostRoutes(server: Server, deps: DevHostDeps): void {
  const assets = new StaticAssets(deps.assetDir);
  const tokenBody = z.object({ person: z.number().int().min(0).max(deps.people.length - 1) });
  const localOnly = (handler: (req: Request, res: Response) => Promise<void> | void) => async (req: Request, res: Response) => {
    // Every answer here is what it says it is: no browser may sniff the page or the token into something else.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (!isLoopbackRequest(req)) {
      res.send(404, { code: 'not_found', message: 'Not found.' });
      return;
    }
    await handler(req, res);
  };
  const page = localOnly((_req, res) => {
    res.setHeader('Content-Security-Policy', PAGE_POLICY);
    res.setHeader('Cache-Control', 'no-store');
    res.sendRaw(200, devHostPage(deps.people), { 'Content-Type': 'text/html; charset=utf-8' });
  });
  server.get('/', localOnly((_req, res) => {
    res.setHeader('Content-Security-Policy', PAGE_POLICY);
    res.setHeader('Cache-Control', 'no-store');
    res.sendRaw(200, startPage({ playgroundUrl: deps.playgroundUrl?.() ?? null }), { 'Content-Type': 'text/html; charset=utf-8' });
  }));
  // The server ignores trailing slashes: this is /dev/ too.
  server.get('/dev', page);
  server.get('/dev/dev-host.js', localOnly((req, res) => assets.send(req, res, 'dev-host.js')));
  server.get('/dev/dev-host.css', localOnly((req, res) => assets.send(req, res, 'dev-host.css')));
  server.post('/dev/token', localOnly(async (req, res) => {
    const body = tokenBody.safeParse(req.body ?? {});
    if (!body.success) {
      res.send(400, { code: 'bad_request', message: 'person must be the index of a development person.' });
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.send(200, { token: await deps.issueToken(body.data.person) });
  }));
}
