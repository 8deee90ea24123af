import type { AfasError } from '../../domain/afas-error';

/** What a failed AFAS call during a connection check means for the admin, in one sentence. */
export function afasFailureText(error: AfasError, what: string, testedWith: string): string {
  const reference = error.profitLogReference ? ` (AFAS reference ${error.profitLogReference})` : '';
  switch (error.code) {
    case 'afas_unauthorized':
      return `AFAS refused the activation of ${testedWith} for ${what} (401): it was revoked, or the app connector changed. Activate again with this connection, then test again.`;
    case 'afas_forbidden':
      return `AFAS refused ${what} (403): the app connector has an IP restriction that does not include this server's address.${reference}`;
    case 'afas_not_found':
      return `AFAS answered "not found" for ${what} (404): check the environment of this connection.${reference}`;
    case 'afas_unavailable':
      return `AFAS is in maintenance or unavailable, so ${what} could not be checked; try again later.${reference}`;
    case 'afas_timeout':
    case 'afas_network':
      return `AFAS did not answer ${what}: ${error.message}. Check the environment and this server's network access.`;
    case 'afas_functional_error':
      return `AFAS answered ${what} with an error: ${error.externalMessage ?? error.message}.${reference}`;
    default:
      return `AFAS answered ${what} unexpectedly: ${error.message}.${reference}`;
  }
}
