import { oauthRedirectUri } from '../../domain/afas-auth-mode';
import type { AfasConnection } from '../../domain/afas-connection';
import { AppError } from '../../domain/app-error';
import type { AfasOAuthClientSettings } from '../../ports/afas-oauth';
import type { ConnectionOAuthStore } from '../../ports/connection-oauth-store';

/** The connection's OAuth client as AFAS knows it; `oauth_not_configured` when it has no client id or secret. */
export async function oauthClientSettings(store: ConnectionOAuthStore, connection: AfasConnection, publicUrl: string): Promise<AfasOAuthClientSettings> {
  const settings = await store.get(connection.id);
  const clientSecret = settings.clientId === null ? null : await store.getClientSecret(connection.id);
  if (settings.clientId === null || clientSecret === null) {
    throw new AppError('oauth_not_configured', 'This AFAS connection has no OAuth client: an app owner must set its client id and secret.', { details: { connectionId: connection.id } });
  }
  return { baseUrl: connection.baseUrl, clientId: settings.clientId, clientSecret, scope: settings.scope, redirectUri: oauthRedirectUri(publicUrl) };
}
