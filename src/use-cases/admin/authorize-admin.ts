import { AppError } from '../../domain/app-error';
import { ownerContactsFor, ownerMatching, type AppOwner } from '../../domain/app-owner';
import type { AppOwnerStore } from '../../ports/app-owner-store';
import type { AdminScope } from './admin-scope';

/** Who is asking, from a validated Teams SSO token. */
export interface AdminCaller {
  readonly tenantId: string;
  readonly aadObjectId: string;
  /** The user's UPN, when the token names one. */
  readonly upn: string | null;
  /**
   * Where the UPN came from: the `upn` claim is the tenant's verified UPN; `preferred_username`
   * (v2 tokens) is a display value the caller's tenant controls, so it cannot prove being an owner
   * of every tenant, except in the app's own tenant.
   */
  readonly upnSource: 'upn' | 'preferred_username' | null;
}

export interface AuthorizeAdminDeps {
  readonly owners: AppOwnerStore;
  /** The tenant the app itself is registered in (MicrosoftAppTenantId); empty or null when unknown. */
  readonly homeTenantId?: string | null;
}

/**
 * The owner check of the admin API: owners of the caller's tenant and owners of every tenant get
 * a scope; anyone else `forbidden`, told whom to ask. An owner recognised by UPN has their object
 * id remembered, so a later token without a UPN still finds them.
 */
export class AuthorizeAdmin {
  constructor(private readonly deps: AuthorizeAdminDeps) {}

  async execute(caller: AdminCaller): Promise<AdminScope> {
    const owners = await this.deps.owners.listForTenant(caller.tenantId);
    const home = (this.deps.homeTenantId ?? '').toLowerCase();
    const trustedEverywhere = caller.upnSource === 'upn' || (home !== '' && caller.tenantId.toLowerCase() === home);
    const match = (candidates: readonly AppOwner[], upnCounts: boolean) => ownerMatching(candidates, { aadObjectId: caller.aadObjectId, upn: upnCounts ? caller.upn : null });
    const everyTenantOwner = match(owners.filter((o) => o.tenantId === null), trustedEverywhere);
    const owner = everyTenantOwner ?? match(owners.filter((o) => o.tenantId !== null), true);
    if (!owner) throw new AppError('forbidden', `Only app owners can change the settings of AFAS for Teams.${this.whomToAsk(owners, caller.tenantId)}`);
    if (owner.aadObjectId === null) await this.deps.owners.linkObjectId(owner.tenantId, owner.upn, caller.aadObjectId);
    return {
      actor: caller.upn?.toLowerCase() ?? `${caller.tenantId}/${caller.aadObjectId}`,
      tenantId: caller.tenantId,
      everyTenant: everyTenantOwner !== null,
      user: { tenantId: caller.tenantId, aadObjectId: caller.aadObjectId },
    };
  }

  /** Only owners who can act for the caller's tenant, and the operator's people not by address (see ownerContactsFor). */
  private whomToAsk(owners: readonly AppOwner[], tenantId: string): string {
    const contacts = ownerContactsFor(owners, tenantId, this.deps.homeTenantId);
    if (contacts.length > 0) return ` Ask an owner: ${contacts.slice(0, 5).join(', ')}.`;
    if (owners.length > 0) return ' Ask the operator of AFAS for Teams to make someone of your organisation an owner.';
    return ' An operator can add owners with npm run admin -- owners add.';
  }
}
