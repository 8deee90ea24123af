import type { Response } from 'restify';
import { isAfasError } from '../domain/afas-error';
import { isAppError } from '../domain/app-error';
import type { ApiProblem } from '../../contracts/tab-api';
import { STORAGE_RETRY_AFTER_SECONDS } from './error-response';
import { failureView } from './tab-failure';

export interface TabProblem {
  readonly status: number;
  readonly body: ApiProblem;
  /** Sent as Retry-After. */
  readonly retryAfterSeconds?: number;
}

/**
 * The answer to an expected failure of a tab API call, or null for one nobody expected (the
 * server's one error handler takes those). Bodies carry a stable code and what the tab needs to
 * word it; never a message from inside the server.
 */
export function tabProblem(error: unknown, now: Date): TabProblem | null {
  if (isAfasError(error)) return { status: error.code === 'afas_unavailable' ? 503 : 502, body: { code: 'afas_failure', failure: failureView(error, now) } };
  if (!isAppError(error)) return null;
  const details = error.details;
  switch (error.code) {
    case 'unauthenticated':
      return { status: 401, body: { code: 'unauthorized' } };
    case 'sso_keys_unavailable':
      return { status: 503, body: { code: 'sign_in_unavailable' } };
    case 'bad_request':
    case 'activation_user_id_invalid':
    case 'activation_code_format':
      return { status: 400, body: { code: error.code } };
    case 'activation_throttled':
      return { status: 429, body: { code: error.code, retryAt: String(details.retryAt), codeStillUsable: details.codeStillUsable === true } };
    case 'activation_code_rejected':
      return {
        status: 422,
        body: {
          code: error.code,
          reason: typeof details.externalMessage === 'string' ? details.externalMessage : null,
          attemptsLeft: typeof details.attemptsLeft === 'number' ? details.attemptsLeft : null,
        },
      };
    case 'activation_too_many_attempts':
    case 'activation_not_started':
    case 'activation_needed':
      return { status: 409, body: { code: error.code } };
    case 'no_connection':
    case 'access_denied':
      return { status: 403, body: { code: error.code, failure: failureView(error, now) } };
    case 'connection_incomplete':
      return { status: 503, body: { code: error.code, failure: failureView(error, now) } };
    case 'storage_unavailable':
      // The database is down or restarting: passing, so 503 with a time to try again, not a 500.
      return { status: 503, body: { code: error.code }, retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS };
    default:
      return null;
  }
}

/** JSON that no cache or proxy keeps: every answer is one user's data. */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  res.send(status, body);
}
