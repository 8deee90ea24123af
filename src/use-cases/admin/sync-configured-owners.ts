import { normaliseUpn } from '../../domain/access-rule';
import type { AppOwnerStore } from '../../ports/app-owner-store';
import type { AuditLog } from '../../ports/audit-log';
import type { Clock } from '../../ports/clock';

const ACTOR = 'config';

/**
 * Makes the APP_OWNERS list the every-tenant owners with `source: 'config'`: adds who is new, removes
 * who left the list. Owners added by people are left alone. Runs at every start (and in the CLI).
 */
export class SyncConfiguredOwners {
  constructor(private readonly deps: { readonly owners: AppOwnerStore; readonly audit: AuditLog; readonly clock: Clock }) {}

  async execute(configured: readonly string[]): Promise<{ added: string[]; removed: string[] }> {
    const wanted = new Set(configured.map(normaliseUpn));
    const current = (await this.deps.owners.list()).filter((o) => o.tenantId === null && o.source === 'config');
    const now = this.deps.clock.now();
    const added: string[] = [];
    const removed: string[] = [];
    for (const upn of wanted) {
      if (current.some((o) => o.upn === upn)) continue;
      if (await this.deps.owners.add({ tenantId: null, upn, aadObjectId: null, displayName: null, source: 'config', addedBy: ACTOR, addedAt: now })) added.push(upn);
    }
    for (const owner of current.filter((o) => !wanted.has(o.upn))) {
      if (await this.deps.owners.remove(null, owner.upn)) removed.push(owner.upn);
    }
    for (const upn of added) await this.deps.audit.append({ at: now, actor: ACTOR, action: 'owner.add', target: upn, details: { source: 'APP_OWNERS', everyTenant: true }, tenantId: null });
    for (const upn of removed) await this.deps.audit.append({ at: now, actor: ACTOR, action: 'owner.remove', target: upn, details: { source: 'APP_OWNERS', everyTenant: true }, tenantId: null });
    return { added, removed };
  }
}
