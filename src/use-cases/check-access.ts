import { matchingEntry, needsUpn, normaliseUpn } from '../domain/access-rule';
import type { AfasConnection } from '../domain/afas-connection';
import { AppError, isAppError } from '../domain/app-error';
import { ownerContactsFor, ownerMatching } from '../domain/app-owner';
import type { UserKey } from '../domain/user-key';
import type { AccessRuleStore } from '../ports/access-rule-store';
import type { ActivationInUse, ActivationStore } from '../ports/activation-store';
import type { AppOwnerStore } from '../ports/app-owner-store';
import type { ConnectionStore } from '../ports/connection-store';
import { findConnectionForTenant } from './find-connection';

export interface AccessQuery {
  readonly user: UserKey;
  /** The user's UPN when known, or a lookup that is only called when a listed UPN could decide. */
  readonly upn: string | null | (() => Promise<string | null>);
  /** The user's activation as read already this turn (`ActivationStore.getInUse`); read here when absent. */
  readonly activation?: () => Promise<ActivationInUse | null>;
}

export type AccessDecision =
  | { readonly allowed: true; readonly connectionId: string | null }
  /** `owners`: how to reach those who can act for the user's tenant ("Anna Jansen (anna@contoso.nl)"). */
  | { readonly allowed: false; readonly connectionId: string; readonly owners: readonly string[] };

export interface CheckAccessDeps {
  readonly connections: ConnectionStore;
  readonly activations: ActivationStore;
  readonly accessRules: AccessRuleStore;
  readonly owners: AppOwnerStore;
  /** MicrosoftAppTenantId: where owners of every tenant are shown by address (see ownerContactsFor). */
  readonly homeTenantId?: string | null;
}

/** The AppError a denied user's request ends in; `details.owners` names whom to ask. */
export function accessDenied(owners: readonly string[]): AppError {
  return new AppError('access_denied', 'This user may not use AFAS for Teams: the connection admits only listed people.', { details: { owners: [...owners] } });
}

/**
 * May this Teams user use the app? Decided for the connection they would use: the one they
 * activated with, else their tenant's. Without a rule, or with mode `everyone`, anyone in the
 * tenant may; with `listed`, people on the list (by object id, or by UPN when it is known) and the
 * tenant's app owners may. Only storage is read: a denied user causes no AFAS call.
 */
export class CheckAccess {
  constructor(private readonly deps: CheckAccessDeps) {}

  async execute(query: AccessQuery): Promise<AccessDecision> {
    const { user } = query;
    const inUse = await (query.activation ? query.activation() : this.deps.activations.getInUse(user));
    // The activation's read says whether its connection has a rule: only a list needs reading.
    if (inUse?.connection?.enabled && inUse.accessMode !== 'listed') return { allowed: true, connectionId: inUse.connection.id };
    const connection = inUse?.connection?.enabled ? inUse.connection : await this.tenantConnection(user);
    if (!connection) return { allowed: true, connectionId: null };
    const rule = await this.deps.accessRules.get(user.tenantId, connection.id);
    if (!rule || rule.mode === 'everyone') return { allowed: true, connectionId: connection.id };

    let upn: string | null | undefined;
    const lookupUpn = async (): Promise<string | null> => {
      if (upn === undefined) upn = typeof query.upn === 'function' ? await query.upn() : query.upn;
      return upn === null ? null : normaliseUpn(upn);
    };
    const known = needsUpn(rule.entries, user.aadObjectId) ? await lookupUpn() : null;
    const entry = matchingEntry(rule.entries, { aadObjectId: user.aadObjectId, upn: known });
    if (entry) {
      if (entry.aadObjectId === null && entry.upn !== null) await this.deps.accessRules.linkObjectId(user.tenantId, connection.id, entry.upn, user.aadObjectId);
      return { allowed: true, connectionId: connection.id };
    }
    const owners = await this.deps.owners.listForTenant(user.tenantId);
    const owner = ownerMatching(owners, { aadObjectId: user.aadObjectId, upn: owners.length > 0 ? await lookupUpn() : null });
    if (owner) return { allowed: true, connectionId: connection.id };
    return { allowed: false, connectionId: connection.id, owners: ownerContactsFor(owners, user.tenantId, this.deps.homeTenantId) };
  }

  /** Resolves when the user may use the app; rejects with `access_denied` otherwise. */
  async require(query: AccessQuery): Promise<void> {
    const decision = await this.execute(query);
    if (!decision.allowed) throw accessDenied(decision.owners);
  }

  /** Without a usable activation, the user is judged by the connection they would activate with. */
  private async tenantConnection(user: UserKey): Promise<AfasConnection | null> {
    try {
      return await findConnectionForTenant(this.deps.connections, user.tenantId);
    } catch (error) {
      // No connection at all: the caller's own path reports that (the admin must set one up).
      if (isAppError(error, 'no_connection')) return null;
      throw error;
    }
  }
}
