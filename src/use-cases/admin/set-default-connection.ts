import { AppError } from '../../domain/app-error';
import type { ConnectionStore } from '../../ports/connection-store';
import type { Clock } from '../../ports/clock';
import { assertMayChange, visibleOrNotFound, type AdminScope } from './admin-scope';
import type { AuditTrail } from './audit-trail';
import { connectionView, type ConnectionView } from './connection-view';

/** Makes a connection the one its tenant's users activate against (the store clears the previous default). */
export class SetDefaultConnection {
  constructor(private readonly deps: { readonly connections: ConnectionStore; readonly trail: AuditTrail; readonly clock: Clock }) {}

  async execute(scope: AdminScope, id: string): Promise<ConnectionView> {
    const connection = visibleOrNotFound(scope, await this.deps.connections.get(id), id);
    assertMayChange(scope, connection);
    if (!connection.enabled) throw new AppError('conflict', `Connection "${connection.name}" is disabled: enable it before making it the default.`);
    const previous = (connection.tenantId === null ? await this.deps.connections.list() : await this.deps.connections.listForTenant(connection.tenantId)).find(
      (c) => c.isDefault && c.tenantId === connection.tenantId,
    );
    if (previous?.id === id) return connectionView(connection, await this.deps.connections.hasSecrets(id), scope);
    const saved = { ...connection, isDefault: true, updatedAt: this.deps.clock.now() };
    await this.deps.connections.save(saved);
    await this.deps.trail.record(scope, 'connection.default', id, { previousDefault: previous?.id ?? null }, connection.tenantId);
    return connectionView(saved, await this.deps.connections.hasSecrets(id), scope);
  }
}
