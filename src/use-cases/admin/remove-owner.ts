import { normaliseUpn } from '../../domain/access-rule';
import { AppError } from '../../domain/app-error';
import { isDemoOwner } from '../../domain/app-owner';
import type { AppOwnerStore } from '../../ports/app-owner-store';
import type { AdminScope } from './admin-scope';
import type { AuditTrail } from './audit-trail';
import { ownerScope, scopeWords, type OwnerTarget } from './owner-target';

/** Removes an owner; never one from APP_OWNERS, and never the last one who could add others. */
export class RemoveOwner {
  constructor(private readonly deps: { readonly owners: AppOwnerStore; readonly trail: AuditTrail }) {}

  async execute(scope: AdminScope, upnText: string, target: OwnerTarget = {}): Promise<void> {
    const upn = normaliseUpn(upnText);
    const tenantId = ownerScope(scope, target);
    const owner = await this.deps.owners.get(tenantId, upn);
    if (!owner) throw new AppError('not_found', `${upn} is not an owner of ${scopeWords(tenantId)}.`, { details: { upn } });
    if (isDemoOwner(owner)) {
      throw new AppError('owner_from_configuration', `${upn} is the demo owner because APP_OWNERS is not set: set APP_OWNERS and restart.`, { details: { upn } });
    }
    if (owner.source === 'config') {
      throw new AppError('owner_from_configuration', `${upn} is an owner because APP_OWNERS lists them: remove them there and restart.`, { details: { upn } });
    }
    const others = (tenantId === null ? await this.deps.owners.list() : await this.deps.owners.listForTenant(tenantId)).filter((o) => !(o.tenantId === tenantId && o.upn === upn));
    if (others.length === 0) {
      throw new AppError('last_owner', `${upn} is the last owner of ${scopeWords(tenantId)}: add another owner first, so someone can still change the settings.`, { details: { upn } });
    }
    await this.deps.owners.remove(tenantId, upn);
    await this.deps.trail.record(scope, 'owner.remove', upn, { everyTenant: tenantId === null }, tenantId);
  }
}
