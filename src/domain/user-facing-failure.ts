import { isAfasError } from './afas-error';
import { isAppError } from './app-error';

/**
 * What a user may be told about a failure, for the bot's cards and the tab alike; nothing here
 * carries a token, a key or an internal message.
 */
export type UserFacingFailure =
  /** AFAS no longer accepts the user's token: activate again. */
  | { readonly kind: 'expired' }
  /** AFAS's maintenance answer (503), with its end when AFAS said. */
  | { readonly kind: 'maintenance'; readonly until: Date | null }
  /** AFAS failed; its log reference helps the administrator. */
  | { readonly kind: 'afas'; readonly reference: string | null }
  /** AFAS did not answer in time, or could not be reached, or asked us to slow down. */
  | { readonly kind: 'unreachable' }
  /** The app connector or the connection needs the administrator (AFAS 403, a connection without keys). */
  | { readonly kind: 'adminSetup' }
  /** No AFAS connection serves the user's organisation. */
  | { readonly kind: 'noAccess' }
  /** The organisation admits only listed people; `owners` are whom to ask. */
  | { readonly kind: 'accessDenied'; readonly owners: readonly string[] }
  | { readonly kind: 'generic' };

/** The one classification of an error for users: AFAS 401 means activate again, 503 means wait, and so on. */
export function userFacingFailure(error: unknown, now: Date): UserFacingFailure {
  if (isAfasError(error)) {
    switch (error.code) {
      case 'afas_unauthorized':
        return { kind: 'expired' };
      case 'afas_unavailable':
        // Only 503 is AFAS's maintenance answer; 429 and gateway errors share the code but are no maintenance.
        if (error.status !== 503) return { kind: 'unreachable' };
        return { kind: 'maintenance', until: error.retryAfterSeconds === undefined ? null : new Date(now.getTime() + error.retryAfterSeconds * 1000) };
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

/** Whether the failure is expected (AFAS, setup, access) rather than a bug worth an error-level log line. */
export function isExpectedFailure(error: unknown): boolean {
  return isAfasError(error) || ['no_connection', 'connection_incomplete', 'access_denied'].some((code) => isAppError(error, code));
}
