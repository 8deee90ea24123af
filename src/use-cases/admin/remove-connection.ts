import { AppError } from '../../domain/app-error';
import type { ConnectionStore } from '../../ports/connection-store';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import { assertMayChange, visibleOrNotFound, type AdminScope } from './admin-scope';
import type { AuditTrail } from './audit-trail';

/**
 * Removes a connection with its keys and access rules. Users activated against it are asked to
 * activate again (against the tenant's default) the next time they use the app.
 */
export class RemoveConnection {
  constructor(private readonly deps: { readonly connections: ConnectionStore; readonly trail: AuditTrail }) {}

  async execute(scope: AdminScope, id: string): Promise<void> {
    const connection = visibleOrNotFound(scope, await this.deps.connections.get(id), id);
    assertMayChange(scope, connection);
    if (id === DEFAULT_CONNECTION_ID) {
      throw new AppError('conflict', 'This connection comes from the AFAS_* settings: unset AFAS_ENVIRONMENT (or AFAS_BASE_URL) and restart to remove it, or disable it here.');
    }
    await this.deps.connections.remove(id);
    await this.deps.trail.record(scope, 'connection.remove', id, { name: connection.name, environment: connection.environment }, connection.tenantId);
  }
}
