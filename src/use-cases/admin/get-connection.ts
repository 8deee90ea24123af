import type { ConnectionStore } from '../../ports/connection-store';
import { visibleOrNotFound, type AdminScope } from './admin-scope';
import { connectionView, type ConnectionView } from './connection-view';

/** One connection as an admin sees it (`not_found` for another tenant's). */
export class GetConnection {
  constructor(private readonly connections: ConnectionStore) {}

  async execute(scope: AdminScope, id: string): Promise<ConnectionView> {
    const connection = visibleOrNotFound(scope, await this.connections.get(id), id);
    return connectionView(connection, await this.connections.hasSecrets(id), scope);
  }
}
