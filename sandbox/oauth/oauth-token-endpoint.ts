import type { Logger } from '../../src/ports/logger';
import type { AfasReply } from '../afas-reply';
import type { OAuthClients } from './oauth-clients';
import { oauthError } from './oauth-error';
import type { IssuedTokens, OAuthGrants } from './oauth-grants';
import { verifierMatches } from './pkce';

/** One call of `oauth/token`, for tests ("one refresh reached AFAS"); never holds a code or token. */
export interface TokenRequestRecord {
  readonly grantType: string;
  readonly outcome: 'issued' | 'invalid_client' | 'invalid_grant' | 'invalid_request' | 'unsupported_grant_type';
  /** For `invalid_grant`: why (`reused` = a used code or refresh token came back, and its family was revoked). */
  readonly reason?: string;
  readonly userId: string | null;
}

function credentialsFrom(form: URLSearchParams, authorization: string | undefined): { clientId: string; clientSecret: string } {
  // client_secret_basic is accepted next to AFAS's documented client_secret_post.
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at > 0) return { clientId: decodeURIComponent(decoded.slice(0, at)), clientSecret: decodeURIComponent(decoded.slice(at + 1)) };
  }
  return { clientId: form.get('client_id') ?? '', clientSecret: form.get('client_secret') ?? '' };
}

function tokenReply(tokens: IssuedTokens): AfasReply {
  return {
    status: 200,
    body: { access_token: tokens.accessToken, token_type: 'Bearer', expires_in: tokens.expiresInSeconds, refresh_token: tokens.refreshToken, scope: tokens.scope },
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  };
}

/** `POST oauth/token`: `authorization_code` (with PKCE) and `refresh_token` (rotating). */
export class OAuthTokenEndpoint {
  readonly requests: TokenRequestRecord[] = [];

  constructor(
    private readonly clients: OAuthClients,
    private readonly grants: OAuthGrants,
    private readonly logger: Logger,
  ) {}

  handle(form: URLSearchParams, authorization: string | undefined): { reply: AfasReply; userId: string | null } {
    const grantType = form.get('grant_type') ?? '';
    const record = (outcome: TokenRequestRecord['outcome'], userId: string | null, reason?: string): void => {
      this.requests.push({ grantType, outcome, userId, ...(reason ? { reason } : {}) });
      this.logger.info({ grantType, outcome, reason }, 'sandbox oauth token request');
    };
    const { clientId, clientSecret } = credentialsFrom(form, authorization);
    const client = this.clients.authenticate(clientId, clientSecret);
    if (!client) {
      record('invalid_client', null);
      return { reply: oauthError('invalid_client', 'Client authentication failed.'), userId: null };
    }
    if (grantType === 'authorization_code') {
      const redeemed = this.grants.redeemCode(form.get('code') ?? '');
      if (typeof redeemed === 'string') {
        record('invalid_grant', null, `code_${redeemed}`);
        return { reply: oauthError('invalid_grant', 'The authorization code is invalid, expired or already used.'), userId: null };
      }
      const problem =
        redeemed.clientId !== client.clientId
          ? 'code_other_client'
          : redeemed.redirectUri !== (form.get('redirect_uri') ?? '')
            ? 'redirect_uri_mismatch'
            : !verifierMatches(form.get('code_verifier') ?? '', redeemed.codeChallenge)
              ? 'pkce_mismatch'
              : null;
      if (problem) {
        record('invalid_grant', redeemed.userId, problem);
        return { reply: oauthError('invalid_grant', 'The authorization code does not match this request.'), userId: null };
      }
      record('issued', redeemed.userId);
      return { reply: tokenReply(this.grants.issueForCode(redeemed)), userId: redeemed.userId };
    }
    if (grantType === 'refresh_token') {
      const outcome = this.grants.refresh(form.get('refresh_token') ?? '', client.clientId);
      if (!outcome.ok) {
        record('invalid_grant', null, `refresh_${outcome.reason}`);
        return { reply: oauthError('invalid_grant', 'The refresh token is invalid, expired, revoked or already used.'), userId: null };
      }
      record('issued', outcome.userId);
      return { reply: tokenReply(outcome.tokens), userId: outcome.userId };
    }
    record('unsupported_grant_type', null);
    return { reply: oauthError('unsupported_grant_type', 'Use authorization_code or refresh_token.'), userId: null };
  }
}
