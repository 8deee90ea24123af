import type { AppOwner } from '../domain/app-owner';

/** App owners, per tenant or for every tenant (`tenantId` null). One row per scope and UPN. */
export interface AppOwnerStore {
  /** Adds the owner; false (and nothing changed) when the scope already has that UPN. */
  add(owner: AppOwner): Promise<boolean>;
  get(tenantId: string | null, upn: string): Promise<AppOwner | null>;
  /** The tenant's own owners plus the every-tenant ones, every-tenant ones first, then by UPN. */
  listForTenant(tenantId: string): Promise<AppOwner[]>;
  /** Every owner of every scope, every-tenant ones first, then by tenant and UPN. */
  list(): Promise<AppOwner[]>;
  remove(tenantId: string | null, upn: string): Promise<boolean>;
  /** Remembers the object id of the owner with this scope and UPN, unless one is known already. */
  linkObjectId(tenantId: string | null, upn: string, aadObjectId: string): Promise<void>;
}
