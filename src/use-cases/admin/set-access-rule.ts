import { accessEntryKey, parseAccessEntry, type AccessEntry } from '../../domain/access-rule';
import type { AccessRuleStore } from '../../ports/access-rule-store';
import type { Clock } from '../../ports/clock';
import type { ConnectionStore } from '../../ports/connection-store';
import { visibleOrNotFound, type AdminScope } from './admin-scope';
import { accessRuleInput } from './access-rule-input';
import { accessRuleView, type AccessRuleView } from './access-rule-view';
import { accessTenant } from './access-tenant';
import type { AuditTrail } from './audit-trail';
import { inputProblem, parseInput, validationFailed, type InputProblem } from './validation';

/**
 * Sets who may use the app through a connection: everyone in the tenant, or the listed people.
 * Owners may set it for their own tenant on shared connections too: each tenant has its own list.
 */
export class SetAccessRule {
  constructor(private readonly deps: { readonly connections: ConnectionStore; readonly accessRules: AccessRuleStore; readonly trail: AuditTrail; readonly clock: Clock }) {}

  async execute(scope: AdminScope, connectionId: string, raw: unknown, tenantId?: string): Promise<AccessRuleView> {
    const input = parseInput(accessRuleInput, raw);
    const connection = visibleOrNotFound(scope, await this.deps.connections.get(connectionId), connectionId);
    const tenant = accessTenant(scope, connection, tenantId);
    const problems: InputProblem[] = [];
    const wanted: AccessEntry[] = [];
    input.users.forEach((text, index) => {
      const entry = parseAccessEntry(text);
      if (entry) wanted.push(entry);
      else problems.push(inputProblem(`users.${index}`, 'notAPerson', { text: text.slice(0, 80) }));
    });
    if (input.mode === 'listed' && wanted.length === 0 && problems.length === 0) problems.push(inputProblem('users', 'nobodyListed'));
    if (problems.length > 0) throw validationFailed(problems);

    const before = await this.deps.accessRules.get(tenant, connectionId);
    // Object ids the bot already learned for listed UPNs stay with them.
    const learned = new Map((before?.entries ?? []).filter((e) => e.upn !== null).map((e) => [e.upn, e.aadObjectId]));
    const entries = [...new Map(wanted.map((e) => [accessEntryKey(e), e.upn !== null ? { ...e, aadObjectId: learned.get(e.upn) ?? null } : e])).values()];
    const rule = { tenantId: tenant, connectionId, mode: input.mode, entries, updatedBy: scope.actor, updatedAt: this.deps.clock.now() };
    await this.deps.accessRules.save(rule);
    const keys = (list: readonly AccessEntry[]) => new Set(list.map((e) => e.upn ?? e.aadObjectId ?? ''));
    const beforeKeys = keys(before?.entries ?? []);
    const afterKeys = keys(entries);
    await this.deps.trail.record(
      scope,
      'access.update',
      connectionId,
      {
        mode: { from: before?.mode ?? 'everyone', to: input.mode },
        added: [...afterKeys].filter((k) => !beforeKeys.has(k)),
        removed: [...beforeKeys].filter((k) => !afterKeys.has(k)),
      },
      tenant,
    );
    return accessRuleView(tenant, connectionId, await this.deps.accessRules.get(tenant, connectionId));
  }
}
