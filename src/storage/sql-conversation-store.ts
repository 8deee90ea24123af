import { z } from 'zod';
import type { UserKey } from '../domain/user-key';
import { userKeyString } from '../domain/user-key';
import type { ConversationReferenceJson, ConversationStatus, ConversationStore, StoredConversation } from '../ports/conversation-store';
import { column, parseJsonColumn, parseRow } from './parse-row';
import type { SqlDriver } from './sql-driver';

const rowSchema = z.object({
  reference: column.text,
  status: z.enum(['active', 'blocked', 'retired']),
  updated_at: column.epochMs,
});

const referenceSchema = z.record(z.string(), z.unknown());

/** One 1:1 conversation reference per user, kept as botbuilder's JSON. */
export class SqlConversationStore implements ConversationStore {
  constructor(private readonly db: SqlDriver) {}

  /** Every turn saves; the row is only written when the reference or its status changed. */
  async save(user: UserKey, reference: ConversationReferenceJson, at: Date): Promise<void> {
    await this.db.execute(
      `INSERT INTO conversation_references (tenant_id, aad_object_id, reference, status, updated_at)
       VALUES ($1, $2, $3, 'active', $4)
       ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET reference = excluded.reference,
         status = 'active', updated_at = excluded.updated_at
       WHERE conversation_references.reference <> excluded.reference OR conversation_references.status <> 'active'`,
      [user.tenantId, user.aadObjectId, JSON.stringify(reference), at.getTime()],
    );
  }

  async get(user: UserKey): Promise<StoredConversation | null> {
    const rows = await this.db.query(
      'SELECT reference, status, updated_at FROM conversation_references WHERE tenant_id = $1 AND aad_object_id = $2',
      [user.tenantId, user.aadObjectId],
    );
    if (rows.length === 0) return null;
    const origin = { table: 'conversation_references', key: userKeyString(user) };
    const row = parseRow(rowSchema, rows[0], origin);
    return {
      user: { tenantId: user.tenantId, aadObjectId: user.aadObjectId },
      reference: parseJsonColumn(referenceSchema, row.reference, 'reference', origin),
      status: row.status,
      updatedAt: new Date(row.updated_at),
    };
  }

  async setStatus(user: UserKey, status: ConversationStatus, at: Date): Promise<void> {
    await this.db.execute('UPDATE conversation_references SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND aad_object_id = $2', [
      user.tenantId,
      user.aadObjectId,
      status,
      at.getTime(),
    ]);
  }
}
