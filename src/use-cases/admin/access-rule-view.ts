import type { AccessMode, AccessRule } from '../../domain/access-rule';

export interface AccessRuleView {
  readonly connectionId: string;
  readonly tenantId: string;
  readonly mode: AccessMode;
  /** As listed: a UPN, an object id, or a UPN with the object id learned when the bot first saw them. */
  readonly users: readonly { readonly upn: string | null; readonly aadObjectId: string | null }[];
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

/** No rule stored means everyone in the tenant. */
export function accessRuleView(tenantId: string, connectionId: string, rule: AccessRule | null): AccessRuleView {
  if (!rule) return { connectionId, tenantId, mode: 'everyone', users: [], updatedBy: null, updatedAt: null };
  return { connectionId, tenantId, mode: rule.mode, users: rule.entries.map((e) => ({ upn: e.upn, aadObjectId: e.aadObjectId })), updatedBy: rule.updatedBy, updatedAt: rule.updatedAt.toISOString() };
}
