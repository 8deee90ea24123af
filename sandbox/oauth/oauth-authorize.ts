import type { OAuthClientRegistration, OAuthClients } from './oauth-clients';
import { S256_CHALLENGE } from './pkce';

/** An authorization request that passed every check: it may be shown to the user. */
export interface AuthorizeRequest {
  readonly client: OAuthClientRegistration;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string | null;
  readonly codeChallenge: string;
}

export type AuthorizeCheck =
  | { readonly kind: 'ok'; readonly request: AuthorizeRequest }
  /** Unknown client or a redirect URI not registered exactly: shown on the page, never redirected (RFC 6749 4.1.2.1). */
  | { readonly kind: 'page_error'; readonly message: string }
  /** The redirect URI is trusted: the error goes back to the client. */
  | { readonly kind: 'redirect_error'; readonly redirectUri: string; readonly error: string; readonly description: string; readonly state: string | null };

/** Checks `oauth/authorize`'s query the way AFAS must: client, exact redirect URI, `response_type=code`, PKCE S256. */
export function checkAuthorizeRequest(clients: OAuthClients, query: URLSearchParams): AuthorizeCheck {
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  const client = clients.find(clientId);
  if (!client) return { kind: 'page_error', message: 'Unknown client_id: this app connector has no such OAuth client.' };
  if (!clients.redirectAllowed(client, redirectUri)) return { kind: 'page_error', message: 'The redirect_uri is not registered for this client (it must match exactly).' };
  const state = query.get('state');
  const fail = (error: string, description: string): AuthorizeCheck => ({ kind: 'redirect_error', redirectUri, error, description, state });
  if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
  if (query.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required.');
  const codeChallenge = query.get('code_challenge') ?? '';
  if (!S256_CHALLENGE.test(codeChallenge)) return fail('invalid_request', 'code_challenge must be a BASE64URL SHA-256 digest.');
  return { kind: 'ok', request: { client, redirectUri, scope: query.get('scope') ?? '', state, codeChallenge } };
}

/** The redirect URI with the answer's parameters added to its query. */
export function redirectWith(redirectUri: string, params: Readonly<Record<string, string | null>>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}
