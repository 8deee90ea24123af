import { isAfasError } from '../domain/afas-error';
import { isAppError } from '../domain/app-error';
import type { FailureView } from '../../contracts/tab-api';

/**
 * What the tab may tell a user about a failure (the same classes as the bot's error cards): AFAS
 * 503 is maintenance with its end time, timeouts and network errors "unreachable", 403 a setup
 * problem for the administrator, anything else AFAS's log reference. Never a token or a stack.
 */
export function failureView(error: unknown, now: Date): FailureView {
  if (isAfasError(error)) {
    switch (error.code) {
      case 'afas_unavailable':
        // Only 503 is AFAS's maintenance answer; 429 and gateway errors share the code.
        if (error.status !== 503) return { kind: 'unreachable' };
        return { kind: 'maintenance', until: error.retryAfterSeconds === undefined ? null : new Date(now.getTime() + error.retryAfterSeconds * 1000).toISOString() };
      case 'afas_timeout':
      case 'afas_network':
        return { kind: 'unreachable' };
      case 'afas_forbidden':
        return { kind: 'adminSetup' };
      default:
        return { kind: 'afas', reference: error.profitLogReference ?? null };
    }
  }
  if (isAppError(error, 'no_connection')) return { kind: 'noAccess' };
  if (isAppError(error, 'access_denied')) {
    const owners = error.details.owners;
    return { kind: 'accessDenied', owners: Array.isArray(owners) ? owners.filter((o): o is string => typeof o === 'string') : [] };
  }
  if (isAppError(error, 'connection_incomplete')) return { kind: 'adminSetup' };
  return { kind: 'generic' };
}

/** Whether the failure is expected (AFAS, setup) rather than a bug worth an error-level log line. */
export function isExpectedFailure(error: unknown): boolean {
  return isAfasError(error) || ['no_connection', 'connection_incomplete', 'access_denied'].some((code) => isAppError(error, code));
}
