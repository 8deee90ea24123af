import { timingSafeEqual } from 'node:crypto';
import { DEMO_OAUTH_CLIENT } from '../../src/domain/demo-oauth-client';

/** The demo app connector's OAuth client, accepted unless a test registers others. Opens nothing real. */
export const DEMO_OAUTH_CLIENT_ID = DEMO_OAUTH_CLIENT.clientId;
export const DEMO_OAUTH_CLIENT_SECRET = DEMO_OAUTH_CLIENT.clientSecret;

/** An OAuth client as AFAS knows it on the app connector: its secret and the redirect URIs registered for it. */
export interface OAuthClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Compared exactly (scheme, host, port, path, query): no prefix or pattern matching. */
  readonly redirectUris: readonly string[];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The app connector's OAuth clients. */
export class OAuthClients {
  private readonly clients = new Map<string, OAuthClientRegistration>();

  /** Adds a client, or replaces its secret and redirect URIs. */
  register(client: OAuthClientRegistration): void {
    this.clients.set(client.clientId, { ...client, redirectUris: [...client.redirectUris] });
  }

  /** Adds a redirect URI to a registered client (demo mode registers the product's callback). */
  allowRedirect(clientId: string, redirectUri: string): void {
    const client = this.clients.get(clientId);
    if (client && !client.redirectUris.includes(redirectUri)) this.register({ ...client, redirectUris: [...client.redirectUris, redirectUri] });
  }

  find(clientId: string): OAuthClientRegistration | null {
    return this.clients.get(clientId) ?? null;
  }

  /** The client when the id and secret match; null otherwise (one answer for both, as `invalid_client`). */
  authenticate(clientId: string, clientSecret: string): OAuthClientRegistration | null {
    const client = this.clients.get(clientId);
    return client && sameSecret(client.clientSecret, clientSecret) ? client : null;
  }

  redirectAllowed(client: OAuthClientRegistration, redirectUri: string): boolean {
    return client.redirectUris.includes(redirectUri);
  }
}
