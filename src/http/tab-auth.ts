import type { Request } from 'restify';
import { AppError, isAppError } from '../domain/app-error';
import type { Logger } from '../ports/logger';
import type { SsoIdentity, SsoTokenValidator } from '../ports/sso-token-validator';
import { isLoopbackRequest } from './loopback';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * The caller of a tab API request, from its Teams SSO token only: the user is the token's tenant
 * and object id, never anything in the query or body. Throws AppError `unauthenticated` (401) or
 * `sso_keys_unavailable` (503); the reason is logged, never the token.
 */
export async function authenticateTabRequest(req: Request, validator: SsoTokenValidator, logger: Logger): Promise<SsoIdentity> {
  const match = BEARER.exec(req.headers.authorization ?? '');
  try {
    if (!match) throw new AppError('sso_token_invalid', 'No bearer token.', { details: { reason: 'missing' } });
    return await validator.validate(match[1], { fromLoopback: isLoopbackRequest(req) });
  } catch (error) {
    if (isAppError(error, 'sso_token_invalid')) {
      logger.warn({ requestId: req.getId(), code: error.code, reason: error.details.reason }, 'tab request refused: Teams sign-in token not accepted');
      throw new AppError('unauthenticated', 'Sign-in required.', { cause: error });
    }
    throw error;
  }
}
