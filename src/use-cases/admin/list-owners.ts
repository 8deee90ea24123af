import type { AppOwnerStore } from '../../ports/app-owner-store';
import type { AdminScope } from './admin-scope';
import { ownerView, type OwnerView } from './owner-view';

/** The owners of the admin's tenant, every-tenant owners included (operators: everyone's). */
export class ListOwners {
  constructor(private readonly owners: AppOwnerStore) {}

  async execute(scope: AdminScope): Promise<OwnerView[]> {
    const owners = scope.tenantId === null ? await this.owners.list() : await this.owners.listForTenant(scope.tenantId);
    return owners.map(ownerView);
  }
}
