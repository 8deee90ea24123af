import type { AuditLog } from '../../ports/audit-log';
import type { AdminScope } from './admin-scope';

export interface AuditEventView {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly tenantId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export const MAX_AUDIT_PAGE = 200;

/** The audit trail, newest first: the admin's tenant and every-tenant events (operators: all). */
export class ListAudit {
  constructor(private readonly audit: AuditLog) {}

  async execute(scope: AdminScope, page: { limit?: number; beforeId?: number } = {}): Promise<AuditEventView[]> {
    const limit = Math.min(MAX_AUDIT_PAGE, Math.max(1, Math.trunc(page.limit ?? 50)));
    const events = await this.audit.list({ limit, beforeId: page.beforeId, ...(scope.tenantId === null ? {} : { tenantId: scope.tenantId }) });
    return events.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actor, action: e.action, target: e.target, tenantId: e.tenantId, details: e.details }));
  }
}
