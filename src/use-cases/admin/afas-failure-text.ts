import type { AfasError } from '../../domain/afas-error';
import type { AdviceParams, CheckAdviceCode } from '../../domain/i18n/admin-advice';

/** The host (and port, when not the default) of a base URL, as the admin typed it in essence. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'the configured address';
  }
}

/** Which AFAS call of a connection check failed: ProfitVersion, metainfo, or a GetConnector's fields. */
export type CheckSubject = { readonly subject: 'profitVersion' | 'metainfo' } | { readonly subject: 'fields'; readonly connector: string };

/**
 * What a failed AFAS call during a connection check means for the admin, as an advice code and
 * its parameters. A connection that failed says only that: refused, reset, unknown host and timed
 * out read alike, so the answer tells nothing about the network behind the server.
 */
export function afasFailureAdvice(error: AfasError, subject: CheckSubject, testedWith: string, baseUrl: string): { code: CheckAdviceCode; params: AdviceParams } {
  const params = { ...subject, user: testedWith, ...(error.profitLogReference ? { reference: error.profitLogReference } : {}) };
  switch (error.code) {
    case 'afas_unauthorized':
      return { code: 'afasUnauthorized', params };
    case 'afas_forbidden':
      return { code: 'afasForbidden', params };
    case 'afas_not_found':
      return { code: 'afasNotFound', params };
    case 'afas_unavailable':
      return { code: 'afasUnavailable', params };
    case 'afas_timeout':
    case 'afas_network':
      return { code: 'afasUnreachable', params: { host: hostOf(baseUrl) } };
    case 'afas_functional_error':
      return { code: 'afasFunctionalError', params: { ...params, error: error.externalMessage ?? error.message } };
    default:
      return { code: 'afasUnexpected', params: { ...params, error: error.message } };
  }
}
