import type { Request, Response, Server } from 'restify';
import { languageFromLocale, translate } from '../domain/i18n/translate';
import type { Logger } from '../ports/logger';
import { OPEN_LINK_PATH, type OpenTracking } from '../use-cases/open-tracking';

/** The page for a link we did not sign (altered, or from before the encryption key rotated): nothing to run, nothing to load. */
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * `GET /open/<token>`: a card's "Open" button. Remembers that the user opened the item (so later
 * cards and the tab show it as read), then redirects to the AFAS address signed into the token.
 */
export function registerOpenLinkRoute(server: Server, deps: { readonly tracking: OpenTracking; readonly logger: Logger }): void {
  // A wildcard, not `:token`: the router refuses parameters over 100 characters, and a token carries the AFAS address.
  server.get(`${OPEN_LINK_PATH}/*`, async (req: Request, res: Response) => {
    const followed = await deps.tracking.follow(String(req.params['*'] ?? ''));
    if (!followed) {
      deps.logger.info({ requestId: req.getId() }, 'an open link that we did not sign');
      const lang = languageFromLocale(String(req.header('accept-language') ?? '').split(',')[0]);
      const text = translate(lang, 'openLink.invalid');
      res.writeHead(404, PAGE_HEADERS);
      res.end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${translate(lang, 'app.name')}</title></head><body><p>${text}</p></body></html>`);
      return;
    }
    deps.logger.debug({ requestId: req.getId(), tenantId: followed.user.tenantId, user: followed.user.aadObjectId, kind: followed.kind }, 'item opened from a card');
    res.writeHead(302, { Location: followed.url, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    res.end();
  });
}
