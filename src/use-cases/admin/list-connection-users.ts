import type { ConnectionUserView } from '../../domain/connection-auth';
import type { ActivationStore } from '../../ports/activation-store';
import type { ConnectionStore } from '../../ports/connection-store';
import { visibleOrNotFound, type AdminScope } from './admin-scope';
import { activationsOf } from './connection-users';

/** The activated users of a connection and how each signs in (an owner sees their own tenant's). */
export class ListConnectionUsers {
  constructor(private readonly deps: { readonly connections: ConnectionStore; readonly activations: ActivationStore }) {}

  async execute(scope: AdminScope, id: string): Promise<ConnectionUserView[]> {
    visibleOrNotFound(scope, await this.deps.connections.get(id), id);
    const users: ConnectionUserView[] = [];
    for await (const a of activationsOf(this.deps.activations, id, scope)) {
      users.push({ tenantId: a.user.tenantId, aadObjectId: a.user.aadObjectId, afasUserId: a.afasUserId, authKind: a.authKind ?? 'classic', activatedAt: a.activatedAt.toISOString() });
    }
    return users;
  }
}
