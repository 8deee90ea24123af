import { normaliseUpn, type Person } from './access-rule';

/** `addedBy` of owners from APP_OWNERS. */
export const CONFIG_OWNER_ACTOR = 'config';
/** `addedBy` of demo mode's owner, who stands in for an empty APP_OWNERS (`source: 'config'` too). */
export const DEMO_OWNER_ACTOR = 'demo';

/**
 * Someone who may change the app's settings (connections, access, owners). Owners from APP_OWNERS
 * (`source: 'config'`) are owners of every tenant for as long as they are listed there; owners
 * added by the CLI without a tenant are every-tenant owners too.
 */
export interface AppOwner {
  /** The tenant they own the app for; null = every tenant. */
  readonly tenantId: string | null;
  /** Lower case. */
  readonly upn: string;
  /** Lower case; learned when the owner is first recognised by UPN with a known object id. */
  readonly aadObjectId: string | null;
  readonly displayName: string | null;
  readonly source: 'config' | 'added';
  /** Audit actor that added them (`config` for APP_OWNERS, `demo` for demo mode's stand-in owner). */
  readonly addedBy: string;
  readonly addedAt: Date;
}

/** Demo mode's stand-in for an empty APP_OWNERS: managed by the start like APP_OWNERS, but not listed there. */
export function isDemoOwner(owner: AppOwner): boolean {
  return owner.source === 'config' && owner.addedBy === DEMO_OWNER_ACTOR;
}

/** The owner among `owners` that the person is, by object id or (when known) UPN. */
export function ownerMatching(owners: readonly AppOwner[], person: Person): AppOwner | null {
  const aad = person.aadObjectId.toLowerCase();
  const upn = person.upn === null ? null : normaliseUpn(person.upn);
  return owners.find((o) => o.aadObjectId === aad) ?? (upn === null ? null : owners.find((o) => o.upn === upn) ?? null);
}

/** How an owner is named to a user who needs them: "Anna Jansen (anna@contoso.nl)" or the UPN. */
export function ownerContact(owner: AppOwner): string {
  return owner.displayName ? `${owner.displayName} (${owner.upn})` : owner.upn;
}

/**
 * Whom a person of `tenantId` who is not an owner may be told to ask: the owners of their own
 * tenant by name and address, and owners of every tenant (the operator's people) by name only,
 * unless `tenantId` is the app's own tenant (`homeTenantId`) where they belong. Every-tenant owners
 * without a known name are left out rather than shown by address.
 */
export function ownerContactsFor(owners: readonly AppOwner[], tenantId: string, homeTenantId: string | null | undefined): string[] {
  const tenant = tenantId.toLowerCase();
  const home = (homeTenantId ?? '').toLowerCase();
  const own = owners.filter((o) => o.tenantId !== null && o.tenantId.toLowerCase() === tenant).map(ownerContact);
  const everyTenant = owners.filter((o) => o.tenantId === null);
  const operators = home !== '' && tenant === home ? everyTenant.map(ownerContact) : everyTenant.flatMap((o) => (o.displayName ? [o.displayName] : []));
  return [...own, ...operators];
}
