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
});

const detailsSchema = z.record(z.string(), z.unknown());
const SELECT = 'SELECT id, at, actor, action, target, details FROM audit_events';

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
  };
}

/** Append-only; ids come from the database, so "newest first" is insertion order even when clocks disagree. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: SqlDriver) {}

  async append(event: AuditEvent): Promise<void> {
    await this.db.execute('INSERT INTO audit_events (at, actor, action, target, details) VALUES ($1, $2, $3, $4, $5)', [
      event.at.getTime(),
      event.actor,
      event.action,
      event.target,
      JSON.stringify(event.details),
    ]);
  }

  async list(page: { limit: number; beforeId?: number }): Promise<StoredAuditEvent[]> {
    const limit = Math.max(0, Math.trunc(page.limit));
    const rows =
      page.beforeId === undefined
        ? await this.db.query(`${SELECT} ORDER BY id DESC LIMIT $1`, [limit])
        : await this.db.query(`${SELECT} WHERE id < $1 ORDER BY id DESC LIMIT $2`, [page.beforeId, limit]);
    return rows.map(toEvent);
  }
}
