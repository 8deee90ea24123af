import { z } from 'zod';
import { accessEntryKey, type AccessEntry, type AccessRule } from '../domain/access-rule';
import { AppError } from '../domain/app-error';
import type { AccessRuleStore } from '../ports/access-rule-store';
import { column, parseRow } from './parse-row';
import type { SqlDriver } from './sql-driver';

const ruleSchema = z.object({
  tenant_id: column.text,
  connection_id: column.text,
  mode: z.enum(['everyone', 'listed']),
  updated_by: column.text,
  updated_at: column.epochMs,
});
const entrySchema = z.object({ entry_key: column.text, upn: column.nullableText, aad_object_id: column.nullableText });

const BY_RULE = 'tenant_id = $1 AND connection_id = $2';

/** Access rules in `access_rules`, their people in `access_entries` (removed with the rule or the connection). */
export class SqlAccessRuleStore implements AccessRuleStore {
  constructor(private readonly db: SqlDriver) {}

  async get(tenantId: string, connectionId: string): Promise<AccessRule | null> {
    const origin = { table: 'access_rules', key: `${tenantId}/${connectionId}` };
    const rules = await this.db.query(`SELECT tenant_id, connection_id, mode, updated_by, updated_at FROM access_rules WHERE ${BY_RULE}`, [tenantId, connectionId]);
    if (rules.length === 0) return null;
    const rule = parseRow(ruleSchema, rules[0], origin);
    const rows = await this.db.query(`SELECT entry_key, upn, aad_object_id FROM access_entries WHERE ${BY_RULE} ORDER BY entry_key`, [tenantId, connectionId]);
    const entries: AccessEntry[] = rows.map((raw) => {
      const row = parseRow(entrySchema, raw, { table: 'access_entries', key: `${origin.key}/${String(raw.entry_key)}` });
      return { upn: row.upn, aadObjectId: row.aad_object_id };
    });
    return { tenantId, connectionId, mode: rule.mode, entries, updatedBy: rule.updated_by, updatedAt: new Date(rule.updated_at) };
  }

  async save(rule: AccessRule): Promise<void> {
    const unique = new Map(rule.entries.map((e) => [accessEntryKey(e), e]));
    await this.db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 AS found FROM connections WHERE id = $1', [rule.connectionId]);
      if (exists.length === 0) {
        throw new AppError('storage_not_found', `There is no connection ${rule.connectionId} to set access for.`, { details: { connectionId: rule.connectionId } });
      }
      await tx.execute(
        `INSERT INTO access_rules (tenant_id, connection_id, mode, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, connection_id) DO UPDATE SET mode = excluded.mode, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [rule.tenantId, rule.connectionId, rule.mode, rule.updatedBy, rule.updatedAt.getTime()],
      );
      await tx.execute(`DELETE FROM access_entries WHERE ${BY_RULE}`, [rule.tenantId, rule.connectionId]);
      for (const [key, entry] of unique) {
        await tx.execute('INSERT INTO access_entries (tenant_id, connection_id, entry_key, upn, aad_object_id) VALUES ($1, $2, $3, $4, $5)', [
          rule.tenantId,
          rule.connectionId,
          key,
          entry.upn,
          entry.aadObjectId,
        ]);
      }
    });
  }

  async linkObjectId(tenantId: string, connectionId: string, upn: string, aadObjectId: string): Promise<void> {
    await this.db.execute(`UPDATE access_entries SET aad_object_id = $4 WHERE ${BY_RULE} AND upn = $3 AND aad_object_id IS NULL`, [
      tenantId,
      connectionId,
      upn.toLowerCase(),
      aadObjectId.toLowerCase(),
    ]);
  }

  async remove(tenantId: string, connectionId: string): Promise<boolean> {
    // access_entries rows go with it (ON DELETE CASCADE).
    return (await this.db.execute(`DELETE FROM access_rules WHERE ${BY_RULE}`, [tenantId, connectionId])) > 0;
  }
}
