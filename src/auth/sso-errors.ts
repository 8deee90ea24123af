import { AppError } from '../domain/app-error';

/** Why a token was refused: goes to the log, never to the client (which only learns "401"). */
export type SsoRejection = 'missing' | 'malformed' | 'signature' | 'expired' | 'audience' | 'issuer' | 'tenant' | 'not_configured';

export function tokenRejected(reason: SsoRejection, cause?: unknown): AppError {
  return new AppError('sso_token_invalid', `The Teams sign-in token was refused (${reason}).`, { cause, details: { reason } });
}

/** The issuer's signing keys could not be fetched: the caller may be fine, so this is not a 401. */
export function keysUnavailable(cause: unknown): AppError {
  return new AppError('sso_keys_unavailable', 'The sign-in keys of Microsoft Entra ID could not be fetched.', { cause });
}
