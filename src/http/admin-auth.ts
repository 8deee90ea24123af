import type { Request } from 'restify';
import { AppError, isAppError } from '../domain/app-error';
import type { Logger } from '../ports/logger';
import type { SsoTokenValidator } from '../ports/sso-token-validator';
import type { AdminCaller } from '../use-cases/admin/authorize-admin';
import { isLoopbackRequest } from './loopback';

/** Who is calling the admin API; rejects with `unauthenticated` (401) or `sso_keys_unavailable` (503). */
export type AdminAuthenticator = (req: Request) => Promise<AdminCaller>;

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * The tab's Teams SSO token, checked by the same validator as the tab API. The user is the token's
 * tenant and object id; the UPN is read from the token the validator has just accepted.
 */
export function ssoAdminAuthenticator(validator: SsoTokenValidator, logger: Logger): AdminAuthenticator {
  return async (req) => {
    const match = BEARER.exec(req.headers.authorization ?? '');
    try {
      if (!match) throw new AppError('sso_token_invalid', 'No bearer token.', { details: { reason: 'missing' } });
      const identity = await validator.validate(match[1], { fromLoopback: isLoopbackRequest(req) });
      return { tenantId: identity.user.tenantId, aadObjectId: identity.user.aadObjectId, ...upnOf(match[1]) };
    } catch (error) {
      if (isAppError(error, 'sso_token_invalid')) {
        logger.warn({ requestId: req.getId(), code: error.code, reason: error.details.reason }, 'admin request refused: Teams sign-in token not accepted');
        throw new AppError('unauthenticated', 'Sign in with Teams first.', { cause: error });
      }
      throw error;
    }
  };
}

/** `upn` (v1 tokens, or the optional claim on v2) or `preferred_username` (v2) of a validated token. */
function upnOf(token: string): Pick<AdminCaller, 'upn' | 'upnSource'> {
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return { upn: null, upnSource: null };
  }
  if (typeof claims.upn === 'string' && claims.upn.includes('@')) return { upn: claims.upn.toLowerCase(), upnSource: 'upn' };
  if (typeof claims.preferred_username === 'string' && claims.preferred_username.includes('@')) return { upn: claims.preferred_username.toLowerCase(), upnSource: 'preferred_username' };
  return { upn: null, upnSource: null };
}
