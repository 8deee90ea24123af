import type { AccessRuleStore } from '../../ports/access-rule-store';
import type { ConnectionStore } from '../../ports/connection-store';
import { visibleOrNotFound, type AdminScope } from './admin-scope';
import { accessRuleView, type AccessRuleView } from './access-rule-view';
import { accessTenant } from './access-tenant';

/** Who may use the app through a connection, for the admin's tenant. */
export class GetAccessRule {
  constructor(private readonly deps: { readonly connections: ConnectionStore; readonly accessRules: AccessRuleStore }) {}

  async execute(scope: AdminScope, connectionId: string, tenantId?: string): Promise<AccessRuleView> {
    const connection = visibleOrNotFound(scope, await this.deps.connections.get(connectionId), connectionId);
    const tenant = accessTenant(scope, connection, tenantId);
    return accessRuleView(tenant, connectionId, await this.deps.accessRules.get(tenant, connectionId));
  }
}
