import type { AccessRule } from '../domain/access-rule';

/** Access rules per tenant and connection. No stored rule means everyone in the tenant may use it. */
export interface AccessRuleStore {
  get(tenantId: string, connectionId: string): Promise<AccessRule | null>;
  /**
   * Inserts or replaces the rule with exactly these entries (de-duplicated by UPN, else object id).
   * Fails with `storage_not_found` when the connection does not exist.
   */
  save(rule: AccessRule): Promise<void>;
  /** Remembers the object id of a UPN-listed person; an id already remembered is kept. */
  linkObjectId(tenantId: string, connectionId: string, upn: string, aadObjectId: string): Promise<void>;
  remove(tenantId: string, connectionId: string): Promise<boolean>;
}
