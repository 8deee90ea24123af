import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { AppError, isAppError } from '../domain/app-error';
import { isAfasError } from '../domain/afas-error';
import type { UserKey } from '../domain/user-key';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SsoTokenValidator } from '../ports/sso-token-validator';
import { accessDenied, type CheckAccess } from '../use-cases/check-access';
import type { ConfirmActivationCode } from '../use-cases/confirm-activation-code';
import type { GetActivationStatus } from '../use-cases/get-activation-status';
import type { GetTile } from '../use-cases/get-tile';
import type { RequestActivationCode } from '../use-cases/request-activation-code';
import type { OpenedItems } from '../use-cases/opened-items';
import type { SetFirstList } from '../use-cases/set-first-list';
import type { TileResponse } from '../../contracts/tab-api';
import { authenticateTabRequest } from './tab-auth';
import { sendJson, tabProblem } from './tab-api-errors';
import { isExpectedFailure } from '../domain/user-facing-failure';
import { failureView } from './tab-failure';
import { tileView } from './tab-views';
import { registerTabTaskActionRoutes, type TabTaskActionDeps } from './tab-task-action-routes';
import { registerTabOAuthRoutes, type TabOAuthDeps } from './tab-oauth-routes';

export interface TabApiDeps {
  readonly validator: SsoTokenValidator;
  /** The organisation's access list, asked before anything else (as the bot does). */
  readonly checkAccess: CheckAccess;
  readonly getTile: GetTile;
  readonly getActivationStatus: GetActivationStatus;
  readonly requestActivationCode: RequestActivationCode;
  readonly confirmActivationCode: ConfirmActivationCode;
  readonly setFirstList: SetFirstList;
  /** Items opened from the tab show as read from then on (AFAS does not learn it). */
  readonly opened: OpenedItems;
  /** Acting on AFAS tasks from the tab (`/api/tab/tasks/*`). */
  readonly taskActions: Omit<TabTaskActionDeps, 'logger'>;
  /** Signing in to AFAS with OAuth (`/api/tab/oauth/*`), for connections in oauth or both mode. */
  readonly oauth: Omit<TabOAuthDeps, 'logger'>;
  readonly clock: Clock;
  readonly logger: Logger;
}

const requestBody = z.object({ afasUserId: z.string().max(254) });
const confirmBody = z.object({ code: z.string().max(64) });
const preferencesBody = z.object({ firstList: z.enum(['task', 'signal']) });
const openedBody = z.object({ kind: z.enum(['task', 'signal']), id: z.string().min(1).max(200) });

/** `/api/tab/*`: the tile and activation for the signed-in Teams user. */
export function registerTabApiRoutes(server: Server, deps: TabApiDeps): void {
  /** Every route: the token, then the access list, then the work; `denied` answers a refusal as data instead of 403. */
  const route = (handler: (user: UserKey, req: Request) => Promise<{ status: number; body: unknown }>, denied?: (refusal: AppError) => unknown) => async (req: Request, res: Response) => {
    try {
      const identity = await authenticateTabRequest(req, deps.validator, deps.logger);
      const decision = await deps.checkAccess.execute({ user: identity.user, upn: identity.upn ?? null });
      if (!decision.allowed && denied) {
        sendJson(res, 200, denied(accessDenied(decision.owners)));
        return;
      }
      if (!decision.allowed) throw accessDenied(decision.owners);
      const answer = await handler(identity.user, req);
      sendJson(res, answer.status, answer.body);
    } catch (error) {
      const problem = tabProblem(error, deps.clock.now());
      if (!problem) throw error;
      if (isExpectedFailure(error) || isAppError(error, 'storage_unavailable')) deps.logger.warn({ requestId: req.getId(), code: (error as AppError).code, profitLogReference: isAfasError(error) ? error.profitLogReference : undefined }, 'tab request failed');
      if (problem.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(problem.retryAfterSeconds));
      sendJson(res, problem.status, problem.body);
    }
  };

  // For the tile, "no access" is a state to show, not a failed call.
  const unavailable = (refusal: AppError): TileResponse => ({ state: 'unavailable', failure: failureView(refusal, deps.clock.now()) });
  server.get('/api/tab/tile', route(async (user) => ({ status: 200, body: await tile(deps, user) }), unavailable));
  server.post('/api/tab/activation/request', route(async (user, req) => {
    const sent = await deps.requestActivationCode.request(user, parse(requestBody, req).afasUserId);
    return { status: 200, body: { afasUserId: sent.afasUserId, nextRequestAt: sent.nextRequestAt.toISOString() } };
  }));
  server.post('/api/tab/activation/resend', route(async (user) => {
    const sent = await deps.requestActivationCode.resend(user);
    return { status: 200, body: { afasUserId: sent.afasUserId, nextRequestAt: sent.nextRequestAt.toISOString() } };
  }));
  server.post('/api/tab/activation/confirm', route(async (user, req) => {
    const activated = await deps.confirmActivationCode.execute(user, parse(confirmBody, req).code);
    deps.logger.info({ requestId: req.getId(), tenantId: user.tenantId, user: user.aadObjectId }, 'activated from the tab');
    return { status: 200, body: { afasUserId: activated.afasUserId } };
  }));
  server.post('/api/tab/opened', route(async (user, req) => {
    const { kind, id } = parse(openedBody, req);
    await deps.opened.mark(user, kind, id);
    return { status: 204, body: null };
  }));
  server.put('/api/tab/preferences', route(async (user, req) => {
    const saved = await deps.setFirstList.execute(user, parse(preferencesBody, req).firstList);
    return { status: 200, body: { firstList: saved.firstList } };
  }));
  registerTabTaskActionRoutes(server, route, { ...deps.taskActions, logger: deps.logger });
  registerTabOAuthRoutes(server, route, { ...deps.oauth, logger: deps.logger });
}

/** The tile, or the activation step to show instead, or why the tab cannot work for this user. */
async function tile(deps: TabApiDeps, user: UserKey): Promise<TileResponse> {
  try {
    return tileView(await deps.getTile.execute(user), deps.clock.now());
  } catch (error) {
    if (isAppError(error, 'not_activated') || isAppError(error, 'activation_invalid') || isAfasError(error, 'afas_unauthorized')) {
      const status = await deps.getActivationStatus.execute(user);
      const attempt = status.attempt ? { afasUserId: status.attempt.afasUserId, nextRequestAt: status.attempt.nextRequestAt?.toISOString() ?? null } : null;
      // Said only for OAuth: a tab without it takes the e-mailed code's steps, as before.
      const oauth = (await deps.oauth.signInStarts.oauthConnectionFor(user)) !== null;
      return { state: 'activate', reason: status.activation === 'none' ? 'not_activated' : 'expired', attempt, ...(oauth ? { signIn: 'oauth' as const } : {}) };
    }
    if (isAppError(error, 'no_connection') || isAppError(error, 'connection_incomplete')) return { state: 'unavailable', failure: failureView(error, deps.clock.now()) };
    throw error;
  }
}

function parse<T>(schema: z.ZodType<T>, req: Request): T {
  const result = schema.safeParse(req.body ?? {});
  if (!result.success) throw new AppError('bad_request', 'The request body does not match what this endpoint takes.');
  return result.data;
}
