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
    const moved = new Set<string>();
    await this.atomically(inChunks(unique(itemIds)), async (tx, chunks) => {
      for (const chunk of chunks) {
        const rows = await tx.query(
          `UPDATE deliveries SET attempts = attempts + 1, state = 'to_deliver', updated_at = $4
           WHERE tenant_id = $1 AND aad_object_id = $2 AND kind = $3 AND state = 'failed' AND item_id IN (${placeholders(chunk.length, 5)})
           RETURNING item_id`,
          [user.tenantId, user.aadObjectId, kind, at.getTime(), ...chunk],
        );
        for (const row of rows) moved.add(String(row.item_id));
      }
    });
    return unique(itemIds).filter((id) => moved.has(id));
  }

  async setState(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], state: DeliveryState, at: Date): Promise<void> {
    // Only a retry (to_deliver again while still to_deliver) counts as another attempt.
    const attempts = state === 'to_deliver' ? `attempts + CASE WHEN state = 'to_deliver' THEN 1 ELSE 0 END` : 'attempts';
    await this.atomically(inChunks(unique(itemIds)), async (tx, chunks) => {
      for (const chunk of chunks) {
        await tx.execute(
          `UPDATE deliveries SET attempts = ${attempts}, state = $4, updated_at = $5
           WHERE tenant_id = $1 AND aad_object_id = $2 AND kind = $3 AND item_id IN (${placeholders(chunk.length, 6)})`,
          [user.tenantId, user.aadObjectId, kind, state, at.getTime(), ...chunk],
        );
      }
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
   * `work` over `chunks` in one transaction; one statement (a single chunk) is atomic by itself and
   * runs without BEGIN and COMMIT, two round trips fewer on the notification path.
   */
  private atomically<C>(chunks: C[], work: (tx: SqlExecutor, chunks: C[]) => Promise<void>): Promise<void> {
    return chunks.length <= 1 ? work(this.db, chunks) : this.db.transaction((tx) => work(tx, chunks));
  }

  private async insertNew(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], state: DeliveryState, at: Date): Promise<string[]> {
    const inserted: string[] = [];
    // Sorted so concurrent callers take row locks in the same order and cannot deadlock each other.
    await this.atomically(inChunks(unique(itemIds).sort(), 200), (tx, chunks) => this.insertChunks(tx, chunks, user, kind, state, at, inserted));
    // RETURNING order is not guaranteed; callers get the ids in the order they asked.
    const fresh = new Set(inserted);
    return unique(itemIds).filter((id) => fresh.has(id));
  }

  private async insertChunks(tx: SqlExecutor, chunks: string[][], user: UserKey, kind: WorkItemKind, state: DeliveryState, at: Date, inserted: string[]): Promise<void> {
    for (const chunk of chunks) {
      const params: SqlValue[] = [];
      const rows = chunk.map((id, i) => {
        params.push(user.tenantId, user.aadObjectId, kind, id, state, 0, at.getTime(), at.getTime());
        return `(${placeholders(VALUES_PER_ROW, i * VALUES_PER_ROW + 1)})`;
      });
      const returned = await tx.query(
        `INSERT INTO deliveries (${INSERT_COLUMNS}) VALUES ${rows.join(', ')}
         ON CONFLICT (tenant_id, aad_object_id, kind, item_id) DO NOTHING RETURNING item_id`,
        params,
      );
      for (const row of returned) inserted.push(String(row.item_id));
    }
  }
}
