import type { AfasError } from '../../domain/afas-error';

/** The host (and port, when not the default) of a base URL, as the admin typed it in essence. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'the configured address';
  }
}

/**
 * What a failed AFAS call during a connection check means for the admin, in one sentence. A
 * connection that failed says only that: refused, reset, unknown host and timed out read alike,
 * so the answer tells nothing about the network behind the server.
 */
export function afasFailureText(error: AfasError, what: string, testedWith: string, baseUrl: string): string {
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
      return `Could not reach AFAS at ${hostOf(baseUrl)}. Check the environment of this connection, or try again later.`;
    case 'afas_functional_error':
      return `AFAS answered ${what} with an error: ${error.externalMessage ?? error.message}.${reference}`;
    default:
      return `AFAS answered ${what} unexpectedly: ${error.message}.${reference}`;
  }
}
