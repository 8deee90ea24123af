import type { Server } from 'restify';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import type { Logger } from '../ports/logger';
import type { OAuthSignIn } from '../use-cases/oauth/oauth-sign-in';
import type { SignInStarts } from '../use-cases/oauth/sign-in-starts';
import type { OAuthBeginResponse, OAuthCompletedResponse } from '../../contracts/tab-oauth';
import type { TabRoute } from './tab-task-action-routes';

export interface TabOAuthDeps {
  readonly signInStarts: SignInStarts;
  readonly oauthSignIn: OAuthSignIn;
  readonly logger: Logger;
}

const completeBody = z.object({ handle: z.string().min(16).max(200) });

/** `/api/tab/oauth/*`: the start link for Teams' authentication popup, and completing with the popup's handle. */
export function registerTabOAuthRoutes(server: Server, route: TabRoute, deps: TabOAuthDeps): void {
  server.post('/api/tab/oauth/begin', route(async (user) => {
    const connection = await deps.signInStarts.oauthConnectionFor(user);
    if (!connection) throw new AppError('bad_request', 'This organisation signs in with the e-mailed code, not with OAuth.');
    const body: OAuthBeginResponse = { startUrl: deps.signInStarts.linkFor(user, connection, 'tab') };
    return { status: 200, body };
  }));
  server.post('/api/tab/oauth/complete', route(async (user, req) => {
    const parsed = completeBody.safeParse(req.body ?? {});
    if (!parsed.success) throw new AppError('bad_request', 'The request body does not match what this endpoint takes.');
    const linked = await deps.oauthSignIn.complete(user, { completionHandle: parsed.data.handle });
    deps.logger.info({ requestId: req.getId(), tenantId: user.tenantId, user: user.aadObjectId, linked }, 'AFAS sign-in completed from the tab');
    const body: OAuthCompletedResponse = { linked };
    return { status: 200, body };
  }));
}
