import type { Response } from 'restify';
import { isAppError } from '../domain/app-error';
import { STORAGE_RETRY_AFTER_SECONDS } from './error-response';

export interface AdminProblem {
  readonly status: number;
  readonly body: { readonly code: string; readonly message: string; readonly problems?: unknown };
  /** Sent as Retry-After. */
  readonly retryAfterSeconds?: number;
}

const STATUS: Readonly<Record<string, number>> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  storage_not_found: 404,
  conflict: 409,
  last_owner: 409,
  owner_from_configuration: 409,
  sso_keys_unavailable: 503,
  storage_unavailable: 503,
};

/**
 * The answer to an expected failure of an admin call: a stable code and our own plain sentence
 * (never a value from the request, which may be a key). Null for anything else: the server's one
 * error handler answers 500 and logs it.
 */
export function adminProblem(error: unknown): AdminProblem | null {
  if (!isAppError(error) || STATUS[error.code] === undefined) return null;
  const status = STATUS[error.code];
  if (error.code === 'unauthenticated') return { status, body: { code: 'unauthorized', message: 'Sign in with Teams first.' } };
  if (error.code === 'sso_keys_unavailable') return { status, body: { code: error.code, message: 'Microsoft sign-in cannot be checked right now; try again in a minute.' } };
  if (error.code === 'storage_unavailable') return { status, body: { code: error.code, message: 'The settings cannot be read or saved right now; try again in a minute.' }, retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS };
  const problems = error.code === 'validation_failed' ? { problems: error.details.problems } : {};
  return { status, body: { code: error.code === 'storage_not_found' ? 'not_found' : error.code, message: error.message, ...problems } };
}

/** JSON no cache keeps: admin answers are one tenant's settings. */
export function sendAdminJson(res: Response, status: number, body: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, body);
}
