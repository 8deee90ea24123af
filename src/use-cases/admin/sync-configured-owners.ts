import { normaliseUpn } from '../../domain/access-rule';
import { CONFIG_OWNER_ACTOR, DEMO_OWNER_ACTOR, type AppOwner } from '../../domain/app-owner';
import type { AppOwnerStore } from '../../ports/app-owner-store';
import type { AuditLog } from '../../ports/audit-log';
import type { Clock } from '../../ports/clock';

/**
 * The every-tenant owners a start applies: APP_OWNERS, or (`demo`) demo mode's stand-in for an
 * empty APP_OWNERS, so the admin screen can tell the two apart.
 */
export interface ConfiguredOwners {
  readonly upns: readonly string[];
  readonly demo: boolean;
}

/**
 * Makes the configured owners the every-tenant owners with `source: 'config'` (added by `config`,
 * or by `demo` for demo mode's stand-in): adds who is new, removes who left the list, relabels who
 * stayed but changed between the two. Owners added by people are left alone. Runs at every start
 * (and in the CLI).
 */
export class SyncConfiguredOwners {
  constructor(private readonly deps: { readonly owners: AppOwnerStore; readonly audit: AuditLog; readonly clock: Clock }) {}

  async execute(configured: ConfiguredOwners): Promise<{ added: string[]; removed: string[] }> {
    const actor = configured.demo ? DEMO_OWNER_ACTOR : CONFIG_OWNER_ACTOR;
    const wanted = new Set(configured.upns.map(normaliseUpn));
    const current = (await this.deps.owners.list()).filter((o) => o.tenantId === null && o.source === 'config');
    const now = this.deps.clock.now();
    const added: string[] = [];
    const removed: string[] = [];
    for (const upn of wanted) {
      const known = current.find((o) => o.upn === upn);
      if (known && known.addedBy !== actor) await this.relabel(known, actor);
      if (known) continue;
      if (await this.deps.owners.add({ tenantId: null, upn, aadObjectId: null, displayName: null, source: 'config', addedBy: actor, addedAt: now })) added.push(upn);
    }
    for (const owner of current.filter((o) => !wanted.has(o.upn))) {
      if (await this.deps.owners.remove(null, owner.upn)) removed.push(owner.upn);
    }
    const details = { source: configured.demo ? 'demo' : 'APP_OWNERS', everyTenant: true };
    for (const upn of added) await this.deps.audit.append({ at: now, actor, action: 'owner.add', target: upn, details, tenantId: null });
    for (const upn of removed) await this.deps.audit.append({ at: now, actor, action: 'owner.remove', target: upn, details, tenantId: null });
    return { added, removed };
  }

  /** Same person, other reason (an earlier start recorded the demo owner as APP_OWNERS, or the reverse). */
  private async relabel(owner: AppOwner, actor: string): Promise<void> {
    await this.deps.owners.remove(null, owner.upn);
    await this.deps.owners.add({ ...owner, addedBy: actor });
  }
}
