import * as oauth from 'oauth4webapi';
import { AppError } from '../domain/app-error';
import type { AfasOAuth, AfasOAuthClientSettings, OAuthGrant, SignInSecrets } from '../ports/afas-oauth';

/** AFAS's token endpoint answers within this, or the sign-in or refresh fails (and may be tried again). */
const TOKEN_TIMEOUT_MS = 30_000;

function authorizationServer(baseUrl: string): oauth.AuthorizationServer {
  const base = baseUrl.replace(/\/+$/, '');
  // AFAS publishes no discovery document: the endpoints are fixed paths below ProfitRestServices.
  return { issuer: base, authorization_endpoint: `${base}/oauth/authorize`, token_endpoint: `${base}/oauth/token` };
}

function requestOptions(baseUrl: string): oauth.TokenEndpointRequestOptions {
  // http is only ever a loopback sandbox (normaliseBaseUrl refuses it elsewhere).
  return { signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS), [oauth.allowInsecureRequests]: baseUrl.startsWith('http://') };
}

/** Never the response body or the exception itself: either may carry a code or a token. */
function mapError(error: unknown, during: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    const code = error.error === 'invalid_grant' ? 'oauth_invalid_grant' : 'oauth_failed';
    return new AppError(code, `AFAS refused the OAuth ${during}: ${error.error} (HTTP ${error.status})`, { details: { oauthError: error.error, status: error.status } });
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    const code = error.error === 'access_denied' ? 'oauth_denied' : 'oauth_failed';
    return new AppError(code, `AFAS ended the sign-in with ${error.error}`, { details: { oauthError: error.error } });
  }
  const name = error instanceof Error ? error.name : 'unknown';
  return new AppError('oauth_failed', `The OAuth ${during} with AFAS failed (${name})`, { details: { cause: name } });
}

function grantFrom(result: oauth.TokenEndpointResponse, now: Date): OAuthGrant {
  if (!result.refresh_token) throw new AppError('oauth_failed', 'AFAS granted no refresh token');
  // Without expires_in the token is treated as short-lived: refreshed at the next use after a minute.
  const seconds = typeof result.expires_in === 'number' && result.expires_in > 0 ? result.expires_in : 60;
  return { accessToken: result.access_token, refreshToken: result.refresh_token, expiresAt: new Date(now.getTime() + seconds * 1000) };
}

/** AFAS's authorization code + PKCE flow and refresh, through oauth4webapi (client secret in the body, as AFAS documents). */
export class Oauth4webapiAfasOAuth implements AfasOAuth {
  async newSignInSecrets(): Promise<SignInSecrets> {
    const verifier = oauth.generateRandomCodeVerifier();
    return { state: oauth.generateRandomState(), verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
  }

  authorizationUrl(settings: AfasOAuthClientSettings, secrets: Pick<SignInSecrets, 'state' | 'challenge'>): string {
    const url = new URL(authorizationServer(settings.baseUrl).authorization_endpoint ?? '');
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', settings.clientId);
    url.searchParams.set('redirect_uri', settings.redirectUri);
    if (settings.scope !== '') url.searchParams.set('scope', settings.scope);
    url.searchParams.set('state', secrets.state);
    url.searchParams.set('code_challenge', secrets.challenge);
    url.searchParams.set('code_challenge_method', 'S256');
    return url.toString();
  }

  async exchangeCode(settings: AfasOAuthClientSettings, callbackUrl: URL, expectedState: string, verifier: string, now: Date): Promise<OAuthGrant> {
    const as = authorizationServer(settings.baseUrl);
    const client: oauth.Client = { client_id: settings.clientId };
    try {
      const params = oauth.validateAuthResponse(as, client, callbackUrl, expectedState);
      const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretPost(settings.clientSecret), params, settings.redirectUri, verifier, requestOptions(settings.baseUrl));
      return grantFrom(await oauth.processAuthorizationCodeResponse(as, client, response), now);
    } catch (error) {
      throw mapError(error, 'code exchange');
    }
  }

  async refresh(settings: AfasOAuthClientSettings, refreshToken: string, now: Date): Promise<OAuthGrant> {
    const as = authorizationServer(settings.baseUrl);
    const client: oauth.Client = { client_id: settings.clientId };
    try {
      const response = await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretPost(settings.clientSecret), refreshToken, requestOptions(settings.baseUrl));
      return grantFrom(await oauth.processRefreshTokenResponse(as, client, response), now);
    } catch (error) {
      throw mapError(error, 'refresh');
    }
  }
}
