import type { AfasReply } from '../afas-reply';

/** RFC 6749 5.2 error codes the sandbox answers with. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type';

/** An OAuth error answer: JSON `{error, error_description}`, 401 for a client that failed to authenticate, else 400. */
export function oauthError(error: OAuthErrorCode, description: string): AfasReply {
  return {
    status: error === 'invalid_client' ? 401 : 400,
    body: { error, error_description: description },
    headers: { 'Cache-Control': 'no-store', ...(error === 'invalid_client' ? { 'WWW-Authenticate': 'Basic realm="oauth"' } : {}) },
  };
}
