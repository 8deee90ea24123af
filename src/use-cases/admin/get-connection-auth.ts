import { oauthRedirectUri } from '../../domain/afas-auth-mode';
import type { AfasConnection } from '../../domain/afas-connection';
import { warnsOfClassicEnd } from '../../domain/classic-token-end';
import type { ConnectionAuthView } from '../../domain/connection-auth';
import type { ActivationStore } from '../../ports/activation-store';
import type { Clock } from '../../ports/clock';
import type { ConnectionOAuthStore } from '../../ports/connection-oauth-store';
import type { ConnectionStore } from '../../ports/connection-store';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import { visibleOrNotFound, type AdminScope } from './admin-scope';
import { connectionView } from './connection-view';
import { authCountsOf } from './connection-users';

export interface ConnectionAuthDeps {
  readonly connections: ConnectionStore;
  readonly activations: ActivationStore;
  readonly connectionOAuth: ConnectionOAuthStore;
  readonly clock: Clock;
  /** PUBLIC_URL: the redirect URI is this plus OAUTH_CALLBACK_PATH. */
  readonly publicUrl: string;
}

/** A connection's sign-in settings, its users' counts and the warning, as the admin sees them. */
export async function connectionAuthView(deps: ConnectionAuthDeps, connection: AfasConnection, scope: AdminScope): Promise<ConnectionAuthView> {
  const [settings, secret, users] = await Promise.all([
    deps.connectionOAuth.get(connection.id),
    deps.connectionOAuth.getClientSecret(connection.id),
    authCountsOf(deps, connection, scope),
  ]);
  return {
    connectionId: connection.id,
    authMode: settings.authMode,
    clientId: settings.clientId,
    clientSecretSet: secret !== null,
    scope: settings.scope,
    redirectUri: oauthRedirectUri(deps.publicUrl),
    users,
    classicEndWarning: warnsOfClassicEnd(deps.clock.now(), users.classic),
    fromConfiguration: connection.id === DEFAULT_CONNECTION_ID,
    changeable: connectionView(connection, false, scope).changeable && connection.id !== DEFAULT_CONNECTION_ID,
  };
}

/** How a connection's users sign in (`not_found` for another tenant's connection). */
export class GetConnectionAuth {
  constructor(private readonly deps: ConnectionAuthDeps) {}

  async execute(scope: AdminScope, id: string): Promise<ConnectionAuthView> {
    const connection = visibleOrNotFound(scope, await this.deps.connections.get(id), id);
    return connectionAuthView(this.deps, connection, scope);
  }
}
