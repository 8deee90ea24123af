import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import type { StateChange, StateItem, StateStore } from '../ports/state-store';
import { column, parseJsonColumn, parseRow } from './parse-row';
import type { SqlDriver, SqlExecutor } from './sql-driver';
import { inChunks, placeholders } from './sql-lists';

const rowSchema = z.object({ key: column.text, value: column.text, etag: column.text });

// Random rather than a counter: after a delete and re-create, an old eTag must not match again.
function newETag(): string {
  return randomBytes(12).toString('base64url');
}

function toJson(key: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new AppError('storage_invalid_value', `The state for "${key}" cannot be stored as JSON.`, { cause: error, details: { key } });
  }
  if (text === undefined) {
    throw new AppError('storage_invalid_value', `The state for "${key}" is not a JSON value.`, { details: { key } });
  }
  return text;
}

function conflict(key: string): AppError {
  return new AppError('storage_etag_conflict', `Storage: error writing "${key}" due to eTag conflict.`, { details: { key } });
}

/**
 * JSON documents with optimistic concurrency. A conditional write succeeds only while the stored
 * eTag is the expected one; a document that no longer exists matches no eTag. A `write` with several
 * changes is all-or-nothing.
 */
export class SqlStateStore implements StateStore {
  constructor(private readonly db: SqlDriver) {}

  async read(keys: readonly string[]): Promise<Record<string, StateItem>> {
    const items: Record<string, StateItem> = {};
    for (const chunk of inChunks([...new Set(keys)])) {
      const rows = await this.db.query(`SELECT key, value, etag FROM bot_state WHERE key IN (${placeholders(chunk.length)})`, chunk);
      for (const raw of rows) {
        const origin = { table: 'bot_state', key: String(raw.key) };
        const row = parseRow(rowSchema, raw, origin);
        items[row.key] = { value: parseJsonColumn(z.unknown(), row.value, 'value', origin), eTag: row.etag };
      }
    }
    return items;
  }

  async write(changes: readonly StateChange[]): Promise<void> {
    if (changes.length === 0) return;
    // Key order (stable, so repeated keys keep their order) makes concurrent writers lock rows alike.
    const prepared = changes.map((change) => ({ ...change, json: toJson(change.key, change.value) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    await this.db.transaction(async (tx) => {
      for (const change of prepared) await this.writeOne(tx, change.key, change.json, change.expectedETag, change.ifAbsent === true);
    });
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const chunk of inChunks([...new Set(keys)])) {
      await this.db.execute(`DELETE FROM bot_state WHERE key IN (${placeholders(chunk.length)})`, chunk);
    }
  }

  private async writeOne(tx: SqlExecutor, key: string, json: string, expectedETag: string | undefined, ifAbsent: boolean): Promise<void> {
    if (ifAbsent) {
      const created = await tx.execute('INSERT INTO bot_state (key, value, etag) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [key, json, newETag()]);
      if (created === 0) throw conflict(key);
      return;
    }
    if (expectedETag === undefined || expectedETag === '*') {
      await tx.execute(
        `INSERT INTO bot_state (key, value, etag) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag`,
        [key, json, newETag()],
      );
      return;
    }
    const changed = await tx.execute('UPDATE bot_state SET value = $2, etag = $3 WHERE key = $1 AND etag = $4', [key, json, newETag(), expectedETag]);
    if (changed === 0) throw conflict(key);
  }
}
