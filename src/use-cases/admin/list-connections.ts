import type { ConnectionStore } from '../../ports/connection-store';
import type { AdminScope } from './admin-scope';
import { connectionView, type ConnectionView } from './connection-view';

/** The connections an admin may see: their tenant's and the shared ones (operators: all). */
export class ListConnections {
  constructor(private readonly connections: ConnectionStore) {}

  async execute(scope: AdminScope): Promise<ConnectionView[]> {
    const all = scope.tenantId === null ? await this.connections.list() : await this.connections.listForTenant(scope.tenantId);
    return Promise.all(all.map(async (c) => connectionView(c, await this.connections.hasSecrets(c.id), scope)));
  }
}
