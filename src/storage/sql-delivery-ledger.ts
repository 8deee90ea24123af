import { z } from 'zod';
import type { UserKey } from '../domain/user-key';
import type { WorkItemKind } from '../domain/work-item';
import type { DeliveryEntry, DeliveryLedger, DeliveryState } from '../ports/delivery-ledger';
import { column, parseRow } from './parse-row';
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from './sql-driver';
import { inChunks, placeholders } from './sql-lists';

const rowSchema = z.object({
  tenant_id: column.text,
  aad_object_id: column.text,
  kind: z.enum(['task', 'signal']),
  item_id: column.text,
  state: z.enum(['seen', 'to_deliver', 'delivered', 'failed']),
  attempts: column.count,
  created_at: column.epochMs,
  updated_at: column.epochMs,
});

const SELECT = `SELECT ${Object.keys(rowSchema.shape).join(', ')} FROM deliveries`;
const OLDEST_FIRST = 'ORDER BY created_at, tenant_id, aad_object_id, kind, item_id';
const INSERT_COLUMNS = 'tenant_id, aad_object_id, kind, item_id, state, attempts, created_at, updated_at';
const VALUES_PER_ROW = 8;

function toEntry(raw: SqlRow): DeliveryEntry {
  const key = [raw.tenant_id, raw.aad_object_id, raw.kind, raw.item_id].map(String).join('/');
  const row = parseRow(rowSchema, raw, { table: 'deliveries', key });
  return {
    user: { tenantId: row.tenant_id, aadObjectId: row.aad_object_id },
    kind: row.kind,
    itemId: row.item_id,
    state: row.state,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The ids `rows` returned, in the order the caller asked them (RETURNING order is not guaranteed). */
function inAskedOrder(asked: readonly string[], rows: readonly SqlRow[]): string[] {
  const returned = new Set(rows.map((row) => String(row.item_id)));
  return unique(asked).filter((id) => returned.has(id));
}

/**
 * The notification memory. Inserts use ON CONFLICT DO NOTHING, so when two pollers plan the same
 * item at once the database decides which one gets it, and only that one sends.
 */
export class SqlDeliveryLedger implements DeliveryLedger {
  constructor(private readonly db: SqlDriver) {}

  async known(user: UserKey, kind: WorkItemKind, itemIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of inChunks(unique(itemIds))) {
      const rows = await this.db.query(
        `SELECT item_id FROM deliveries WHERE tenant_id = $1 AND aad_object_id = $2 AND kind = $3 AND item_id IN (${placeholders(chunk.length, 4)})`,
        [user.tenantId, user.aadObjectId, kind, ...chunk],
      );
      for (const row of rows) found.add(String(row.item_id));
    }
    return found;
  }

  async markSeen(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], at: Date): Promise<void> {
    await this.insertNew(user, kind, itemIds, 'seen', at);
  }

  planDelivery(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], at: Date): Promise<string[]> {
    return this.insertNew(user, kind, itemIds, 'to_deliver', at);
  }

  async retryFailed(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], at: Date): Promise<string[]> {
    const moved = await this.atomically(inChunks(unique(itemIds)), (tx, chunk) =>
      tx.query(
        `UPDATE deliveries SET attempts = attempts + 1, state = 'to_deliver', updated_at = $4
         WHERE tenant_id = $1 AND aad_object_id = $2 AND kind = $3 AND state = 'failed' AND item_id IN (${placeholders(chunk.length, 5)})
         RETURNING item_id`,
        [user.tenantId, user.aadObjectId, kind, at.getTime(), ...chunk],
      ),
    );
    return inAskedOrder(itemIds, moved);
  }

  async setState(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], state: DeliveryState, at: Date): Promise<void> {
    // Only a retry (to_deliver again while still to_deliver) counts as another attempt.
    const attempts = state === 'to_deliver' ? `attempts + CASE WHEN state = 'to_deliver' THEN 1 ELSE 0 END` : 'attempts';
    await this.atomically(inChunks(unique(itemIds)), async (tx, chunk) => {
      await tx.execute(
        `UPDATE deliveries SET attempts = ${attempts}, state = $4, updated_at = $5
         WHERE tenant_id = $1 AND aad_object_id = $2 AND kind = $3 AND item_id IN (${placeholders(chunk.length, 6)})`,
        [user.tenantId, user.aadObjectId, kind, state, at.getTime(), ...chunk],
      );
    });
  }

  async pending(filter: { user?: UserKey; limit: number }): Promise<DeliveryEntry[]> {
    const limit = Math.max(0, Math.trunc(filter.limit));
    const rows = filter.user
      ? await this.db.query(`${SELECT} WHERE state = 'to_deliver' AND tenant_id = $1 AND aad_object_id = $2 ${OLDEST_FIRST} LIMIT $3`, [
          filter.user.tenantId,
          filter.user.aadObjectId,
          limit,
        ])
      : await this.db.query(`${SELECT} WHERE state = 'to_deliver' ${OLDEST_FIRST} LIMIT $1`, [limit]);
    return rows.map(toEntry);
  }

  async hasAny(user: UserKey): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 AS found FROM deliveries WHERE tenant_id = $1 AND aad_object_id = $2 LIMIT 1', [
      user.tenantId,
      user.aadObjectId,
    ]);
    return rows.length > 0;
  }

  /**
   * `work` on each chunk in turn, in one transaction; one statement (a single chunk) is atomic by
   * itself and runs without BEGIN and COMMIT, two round trips fewer on the notification path.
   * Resolves with the rows every chunk returned.
   */
  private async atomically(chunks: string[][], work: (tx: SqlExecutor, chunk: string[]) => Promise<SqlRow[] | void>): Promise<SqlRow[]> {
    const run = async (tx: SqlExecutor): Promise<SqlRow[]> => {
      const rows: SqlRow[] = [];
      for (const chunk of chunks) rows.push(...((await work(tx, chunk)) ?? []));
      return rows;
    };
    return chunks.length <= 1 ? run(this.db) : this.db.transaction(run);
  }

  private async insertNew(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], state: DeliveryState, at: Date): Promise<string[]> {
    // Sorted so concurrent callers take row locks in the same order and cannot deadlock each other.
    const inserted = await this.atomically(inChunks(unique(itemIds).sort(), 200), (tx, chunk) => {
      const params: SqlValue[] = [];
      const rows = chunk.map((id, i) => {
        params.push(user.tenantId, user.aadObjectId, kind, id, state, 0, at.getTime(), at.getTime());
        return `(${placeholders(VALUES_PER_ROW, i * VALUES_PER_ROW + 1)})`;
      });
      return tx.query(
        `INSERT INTO deliveries (${INSERT_COLUMNS}) VALUES ${rows.join(', ')}
         ON CONFLICT (tenant_id, aad_object_id, kind, item_id) DO NOTHING RETURNING item_id`,
        params,
      );
    });
    return inAskedOrder(itemIds, inserted);
  }
}
