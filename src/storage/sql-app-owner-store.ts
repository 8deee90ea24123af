import { z } from 'zod';
import type { AppOwner } from '../domain/app-owner';
import type { AppOwnerStore } from '../ports/app-owner-store';
import { column, parseRow } from './parse-row';
import type { SqlDriver, SqlRow } from './sql-driver';

/** The scope column's value for owners of every tenant (tenant ids are GUIDs, never `*`). */
const EVERY_TENANT = '*';

const rowSchema = z.object({
  scope: column.text,
  upn: column.text,
  aad_object_id: column.nullableText,
  display_name: column.nullableText,
  source: z.enum(['config', 'added']),
  added_by: column.text,
  added_at: column.epochMs,
});

const COLUMNS = Object.keys(rowSchema.shape);
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM app_owners`;
// '*' sorts before every tenant id: every-tenant owners come first.
const ORDER = 'ORDER BY scope, upn';

const scopeOf = (tenantId: string | null): string => tenantId ?? EVERY_TENANT;

function toOwner(raw: SqlRow): AppOwner {
  const row = parseRow(rowSchema, raw, { table: 'app_owners', key: `${String(raw.scope)}/${String(raw.upn)}` });
  return {
    tenantId: row.scope === EVERY_TENANT ? null : row.scope,
    upn: row.upn,
    aadObjectId: row.aad_object_id,
    displayName: row.display_name,
    source: row.source,
    addedBy: row.added_by,
    addedAt: new Date(row.added_at),
  };
}

/** App owners in `app_owners`, one row per scope (tenant or `*`) and lower-case UPN. */
export class SqlAppOwnerStore implements AppOwnerStore {
  constructor(private readonly db: SqlDriver) {}

  async add(owner: AppOwner): Promise<boolean> {
    const changed = await this.db.execute(
      `INSERT INTO app_owners (${COLUMNS.join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (scope, upn) DO NOTHING`,
      [scopeOf(owner.tenantId), owner.upn.toLowerCase(), owner.aadObjectId?.toLowerCase() ?? null, owner.displayName, owner.source, owner.addedBy, owner.addedAt.getTime()],
    );
    return changed > 0;
  }

  async get(tenantId: string | null, upn: string): Promise<AppOwner | null> {
    const rows = await this.db.query(`${SELECT} WHERE scope = $1 AND upn = $2`, [scopeOf(tenantId), upn.toLowerCase()]);
    return rows.length === 0 ? null : toOwner(rows[0]);
  }

  async listForTenant(tenantId: string): Promise<AppOwner[]> {
    return (await this.db.query(`${SELECT} WHERE scope = $1 OR scope = $2 ${ORDER}`, [EVERY_TENANT, tenantId])).map(toOwner);
  }

  async list(): Promise<AppOwner[]> {
    return (await this.db.query(`${SELECT} ${ORDER}`)).map(toOwner);
  }

  async remove(tenantId: string | null, upn: string): Promise<boolean> {
    return (await this.db.execute('DELETE FROM app_owners WHERE scope = $1 AND upn = $2', [scopeOf(tenantId), upn.toLowerCase()])) > 0;
  }

  async linkObjectId(tenantId: string | null, upn: string, aadObjectId: string): Promise<void> {
    await this.db.execute('UPDATE app_owners SET aad_object_id = $3 WHERE scope = $1 AND upn = $2 AND aad_object_id IS NULL', [
      scopeOf(tenantId),
      upn.toLowerCase(),
      aadObjectId.toLowerCase(),
    ]);
  }
}
