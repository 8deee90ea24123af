import type { Request, Response, Server } from 'restify';
import { OAUTH_CALLBACK_PATH, oauthRedirectUri } from '../domain/afas-auth-mode';
import { isAppError } from '../domain/app-error';
import { languageFromLocale } from '../domain/i18n/translate';
import type { Logger } from '../ports/logger';
import type { OAuthSignIn } from '../use-cases/oauth/oauth-sign-in';
import { OAUTH_START_PATH, type SignInStarts } from '../use-cases/oauth/sign-in-starts';
import { CALLBACK_PAGE_POLICY, renderCallbackPage, type CallbackPageContent } from './oauth-callback-page';

export interface OAuthRouteDeps {
  readonly signInStarts: SignInStarts;
  readonly oauthSignIn: OAuthSignIn;
  readonly publicUrl: string;
  readonly logger: Logger;
}

/** Nothing here is cached, framed, sniffed, or sent on as a Referer (the query carries OAuth's code and state). */
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CALLBACK_PAGE_POLICY,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * `GET /auth/afas/start?t=…`: a signed start link from the tab's popup or the bot's card begins a
 * sign-in and redirects to AFAS's authorize page. `GET /auth/afas/callback`: AFAS sends the browser
 * back; the page shows the bot's confirmation code or hands the tab's sign-in back to Teams. The
 * request log has the path only (never the query); these lines log codes of failures, never values.
 */
export function registerOAuthRoutes(server: Server, deps: OAuthRouteDeps): void {
  server.get(OAUTH_START_PATH, async (req: Request, res: Response) => {
    const authorizeUrl = await deps.signInStarts.open(String(req.query?.t ?? ''));
    if (!authorizeUrl) {
      deps.logger.info({ requestId: req.getId(), code: 'oauth_start_invalid' }, 'a sign-in start link that we did not sign, or expired');
      sendPage(req, res, 400, { kind: 'problem', reason: 'invalid' });
      return;
    }
    res.writeHead(302, { Location: authorizeUrl, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    res.end();
  });
  server.get(OAUTH_CALLBACK_PATH, async (req: Request, res: Response) => {
    try {
      const outcome = await deps.oauthSignIn.callback(new URL(req.url ?? '', oauthRedirectUri(deps.publicUrl)));
      deps.logger.info({ requestId: req.getId(), surface: outcome.surface }, 'AFAS sign-in exchanged; waiting for the Teams user to complete it');
      sendPage(req, res, 200, outcome.surface === 'bot' ? { kind: 'code', confirmationCode: outcome.confirmationCode } : { kind: 'tab', completionHandle: outcome.completionHandle });
    } catch (error) {
      const reason = isAppError(error, 'oauth_state_invalid') ? 'invalid' : isAppError(error, 'oauth_denied') ? 'denied' : isAppError(error) && error.code.startsWith('oauth_') ? 'failed' : null;
      if (reason === null) throw error;
      deps.logger.warn({ requestId: req.getId(), code: (error as { code: string }).code }, 'AFAS sign-in not completed');
      sendPage(req, res, reason === 'failed' ? 502 : 400, { kind: 'problem', reason });
    }
  });
}

function sendPage(req: Request, res: Response, status: number, content: CallbackPageContent): void {
  const lang = languageFromLocale(String(req.header('accept-language') ?? '').split(',')[0]);
  res.writeHead(status, PAGE_HEADERS);
  res.end(renderCallbackPage(lang, content));
}
