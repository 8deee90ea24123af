import { isAppError } from '../domain/app-error';
import type { Logger } from '../ports/logger';
import type { SecretBox } from '../ports/secret-box';
import { connectionSecretOwner, tokenOwner, type ConnectionSecretColumn } from './secret-owners';
import type { SqlDriver } from './sql-driver';

/** A sealed column of one table, and how to name its row and owner. */
interface SealedColumn {
  readonly table: string;
  readonly column: string;
  readonly keys: readonly string[];
  readonly owner: (row: readonly string[]) => string;
}

const connectionColumn = (column: ConnectionSecretColumn): SealedColumn => ({
  table: 'connection_secrets',
  column,
  keys: ['connection_id'],
  owner: ([id]) => connectionSecretOwner(id, column),
});

const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'activations', column: 'token_sealed', keys: ['tenant_id', 'aad_object_id'], owner: ([tenantId, aadObjectId]) => tokenOwner({ tenantId, aadObjectId }) },
  connectionColumn('api_key_sealed'),
  connectionColumn('environment_key_sealed'),
];

export interface RebindReport {
  readonly rebound: number;
  /** Rows whose old value could not be opened (`table/key`): they stay as they are and fail when used. */
  readonly unreadable: readonly string[];
}

/**
 * The start-up migration of secrets sealed before values were bound to their rows (format v1):
 * each is opened and sealed again bound to its row. Safe to run at every start and from several
 * instances: a row changed meanwhile is left to whoever changed it.
 */
export async function rebindSealedSecrets(driver: SqlDriver, box: SecretBox, logger?: Logger): Promise<RebindReport> {
  let rebound = 0;
  const unreadable: string[] = [];
  for (const sealed of SEALED_COLUMNS) {
    const rows = await driver.query(`SELECT ${sealed.keys.join(', ')}, ${sealed.column} AS sealed FROM ${sealed.table} WHERE ${sealed.column} LIKE 'v1:%'`);
    for (const row of rows) {
      const key = sealed.keys.map((k) => String(row[k]));
      const old = String(row.sealed);
      let fresh: string | null;
      try {
        fresh = box.rebind(old, sealed.owner(key));
      } catch (error) {
        if (!isAppError(error) || !error.code.startsWith('secret_')) throw error;
        unreadable.push(`${sealed.table}/${key.join('/')}`);
        continue;
      }
      if (fresh === null) continue;
      const where = sealed.keys.map((k, i) => `${k} = $${i + 2}`).join(' AND ');
      rebound += await driver.execute(`UPDATE ${sealed.table} SET ${sealed.column} = $1 WHERE ${where} AND ${sealed.column} = $${key.length + 2}`, [fresh, ...key, old]);
    }
  }
  if (rebound > 0) logger?.info({ rebound }, 'sealed secrets bound to their rows (one-time migration)');
  if (unreadable.length > 0) logger?.warn({ code: 'secret_unreadable', rows: unreadable }, 'some sealed secrets could not be opened to bind them to their rows; they must be set again');
  return { rebound, unreadable };
}
