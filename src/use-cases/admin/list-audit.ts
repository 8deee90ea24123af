import type { AuditEvent, AuditLog } from '../../ports/audit-log';
import type { ConnectionStore } from '../../ports/connection-store';
import type { AdminScope } from './admin-scope';

export interface AuditEventView {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  /** The connection's name when the event concerns one (`connection.*`, `access.*`): as it is now, or as it was when removed. */
  readonly targetName: string | null;
  readonly tenantId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export const MAX_AUDIT_PAGE = 200;

/** The audit trail, newest first: the admin's tenant and every-tenant events (operators: all). */
export class ListAudit {
  constructor(private readonly deps: { readonly audit: AuditLog; readonly connections: ConnectionStore }) {}

  async execute(scope: AdminScope, page: { limit?: number; beforeId?: number } = {}): Promise<AuditEventView[]> {
    const limit = Math.min(MAX_AUDIT_PAGE, Math.max(1, Math.trunc(page.limit ?? 50)));
    const events = await this.deps.audit.list({ limit, beforeId: page.beforeId, ...(scope.tenantId === null ? {} : { tenantId: scope.tenantId }) });
    const names = await this.connectionNames(events);
    return events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actor,
      action: e.action,
      target: e.target,
      targetName: concernsConnection(e) ? (names.get(e.target) ?? null) : null,
      tenantId: e.tenantId,
      details: e.details,
    }));
  }

  /** Current names, and for removed connections the name their removal (or creation) recorded. */
  private async connectionNames(events: readonly AuditEvent[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (!events.some(concernsConnection)) return names;
    for (const event of events.filter(concernsConnection)) {
      const recorded = recordedName(event);
      if (recorded !== null && !names.has(event.target)) names.set(event.target, recorded);
    }
    for (const connection of await this.deps.connections.list()) names.set(connection.id, connection.name);
    return names;
  }
}

function concernsConnection(event: AuditEvent): boolean {
  return event.action.startsWith('connection.') || event.action.startsWith('access.');
}

function recordedName(event: AuditEvent): string | null {
  const { name, settings } = event.details as { name?: unknown; settings?: { name?: unknown } };
  if (typeof name === 'string') return name;
  return settings && typeof settings.name === 'string' ? settings.name : null;
}
