import { z } from 'zod';
import type { AuditEvent, AuditLog, StoredAuditEvent } from '../ports/audit-log';
import { column, parseJsonColumn, parseRow } from './parse-row';
import type { SqlDriver, SqlRow } from './sql-driver';

const rowSchema = z.object({
  id: z.number().int().positive(),
  at: column.epochMs,
  actor: column.text,
  action: column.text,
  target: column.text,
  details: column.text,
  tenant_id: column.nullableText,
});

const detailsSchema = z.record(z.string(), z.unknown());
const SELECT = 'SELECT id, at, actor, action, target, details, tenant_id FROM audit_events';

function toEvent(raw: SqlRow): StoredAuditEvent {
  const origin = { table: 'audit_events', key: String(raw.id) };
  const row = parseRow(rowSchema, raw, origin);
  return {
    id: row.id,
    at: new Date(row.at),
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: parseJsonColumn(detailsSchema, row.details, 'details', origin),
    tenantId: row.tenant_id,
  };
}

/** Append-only; ids come from the database, so "newest first" is insertion order even when clocks disagree. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: SqlDriver) {}

  async append(event: AuditEvent): Promise<void> {
    await this.db.execute('INSERT INTO audit_events (at, actor, action, target, details, tenant_id) VALUES ($1, $2, $3, $4, $5, $6)', [
      event.at.getTime(),
      event.actor,
      event.action,
      event.target,
      JSON.stringify(event.details),
      event.tenantId ?? null,
    ]);
  }

  async list(page: { limit: number; beforeId?: number; tenantId?: string }): Promise<StoredAuditEvent[]> {
    const conditions: string[] = [];
    const params: (string | number)[] = [];
    if (page.beforeId !== undefined) {
      params.push(page.beforeId);
      conditions.push(`id < $${params.length}`);
    }
    if (page.tenantId !== undefined) {
      params.push(page.tenantId);
      conditions.push(`(tenant_id = $${params.length} OR tenant_id IS NULL)`);
    }
    params.push(Math.max(0, Math.trunc(page.limit)));
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')} `;
    return (await this.db.query(`${SELECT} ${where}ORDER BY id DESC LIMIT $${params.length}`, params)).map(toEvent);
  }
}
