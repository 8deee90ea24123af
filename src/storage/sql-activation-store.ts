import { z } from 'zod';
import type { Activation } from '../domain/activation';
import type { UserKey } from '../domain/user-key';
import { userKeyString } from '../domain/user-key';
import type { ActivationInUse, ActivationStore } from '../ports/activation-store';
import type { SecretBox } from '../ports/secret-box';
import { column, parseRow } from './parse-row';
import { tokenOwner } from './secret-owners';
import { CONNECTION_COLUMNS, toConnection } from './sql-connection-store';
import type { SqlDriver, SqlRow } from './sql-driver';

const rowSchema = z.object({
  tenant_id: column.text,
  aad_object_id: column.text,
  connection_id: column.text,
  afas_user_id: column.text,
  status: z.enum(['active', 'invalid']),
  activated_at: column.epochMs,
  updated_at: column.epochMs,
  auth_kind: z.enum(['classic', 'oauth']),
});

const SELECT = `SELECT ${Object.keys(rowSchema.shape).join(', ')} FROM activations`;
const BY_USER = 'tenant_id = $1 AND aad_object_id = $2';

// Connection columns come back as c_<column>: both tables have tenant_id and updated_at.
const IN_USE = `SELECT ${Object.keys(rowSchema.shape).map((c) => `a.${c}`).join(', ')}, a.token_sealed,
  ${CONNECTION_COLUMNS.map((c) => `c.${c} AS c_${c}`).join(', ')}, r.mode AS access_mode
  FROM activations a
  LEFT JOIN connections c ON c.id = a.connection_id
  LEFT JOIN access_rules r ON r.tenant_id = a.tenant_id AND r.connection_id = a.connection_id
  WHERE a.tenant_id = $1 AND a.aad_object_id = $2`;
const inUseSchema = z.object({ token_sealed: column.nullableText, c_id: column.nullableText, access_mode: z.enum(['everyone', 'listed']).nullable() });

function origin(raw: SqlRow): { table: string; key: string } {
  return { table: 'activations', key: `${String(raw.tenant_id)}/${String(raw.aad_object_id)}` };
}

function toActivation(raw: SqlRow): Activation {
  const row = parseRow(rowSchema, raw, origin(raw));
  return {
    user: { tenantId: row.tenant_id, aadObjectId: row.aad_object_id },
    connectionId: row.connection_id,
    afasUserId: row.afas_user_id,
    status: row.status,
    activatedAt: new Date(row.activated_at),
    updatedAt: new Date(row.updated_at),
    // Classic rows read exactly as before OAuth existed.
    ...(row.auth_kind === 'oauth' ? { authKind: 'oauth' as const } : {}),
  };
}

/** Per-user activations; the AFAS token is sealed (bound to the user) in `token_sealed` and dropped once it is invalid. */
export class SqlActivationStore implements ActivationStore {
  constructor(private readonly db: SqlDriver, private readonly secretBox: SecretBox) {}

  async save(activation: Omit<Activation, 'status' | 'updatedAt'>, token: string): Promise<void> {
    const at = activation.activatedAt.getTime();
    await this.db.execute(
      `INSERT INTO activations (tenant_id, aad_object_id, connection_id, afas_user_id, status, token_sealed, activated_at, updated_at)
       VALUES ($1, $2, $3, $4, 'active', $5, $6, $6)
       ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET connection_id = excluded.connection_id,
         afas_user_id = excluded.afas_user_id, status = 'active', token_sealed = excluded.token_sealed,
         activated_at = excluded.activated_at, updated_at = excluded.updated_at, auth_kind = 'classic', refresh_token_sealed = NULL,
         token_expires_at = NULL, token_version = activations.token_version + 1, refreshing_until = NULL`,
      [activation.user.tenantId, activation.user.aadObjectId, activation.connectionId, activation.afasUserId, this.secretBox.seal(token, tokenOwner(activation.user)), at],
    );
  }

  async get(user: UserKey): Promise<Activation | null> {
    const rows = await this.db.query(`${SELECT} WHERE ${BY_USER}`, [user.tenantId, user.aadObjectId]);
    return rows.length === 0 ? null : toActivation(rows[0]);
  }

  async getInUse(user: UserKey): Promise<ActivationInUse | null> {
    const rows = await this.db.query(IN_USE, [user.tenantId, user.aadObjectId]);
    if (rows.length === 0) return null;
    const raw = rows[0];
    const activation = toActivation(raw);
    const row = parseRow(inUseSchema, raw, origin(raw));
    const connection = row.c_id === null ? null : toConnection(Object.fromEntries(CONNECTION_COLUMNS.map((c) => [c, raw[`c_${c}`]])));
    const token = activation.status === 'active' && row.token_sealed !== null ? this.secretBox.open(row.token_sealed, tokenOwner(user)) : null;
    return { activation, token, connection, accessMode: row.access_mode };
  }

  async getToken(user: UserKey): Promise<string | null> {
    const rows = await this.db.query(`SELECT token_sealed FROM activations WHERE ${BY_USER} AND status = 'active'`, [
      user.tenantId,
      user.aadObjectId,
    ]);
    if (rows.length === 0) return null;
    const { token_sealed: sealed } = parseRow(z.object({ token_sealed: column.nullableText }), rows[0], {
      table: 'activations',
      key: userKeyString(user),
    });
    return sealed === null ? null : this.secretBox.open(sealed, tokenOwner(user));
  }

  async markInvalid(user: UserKey, at: Date): Promise<void> {
    // A token AFAS rejected is useless; keeping it would only widen what a database leak exposes.
    await this.db.execute(`UPDATE activations SET status = 'invalid', token_sealed = NULL, refresh_token_sealed = NULL, updated_at = $3 WHERE ${BY_USER}`, [
      user.tenantId,
      user.aadObjectId,
      at.getTime(),
    ]);
  }

  async remove(user: UserKey): Promise<boolean> {
    return (await this.db.execute(`DELETE FROM activations WHERE ${BY_USER}`, [user.tenantId, user.aadObjectId])) > 0;
  }

  async listActive(page: { after?: UserKey; limit: number }): Promise<Activation[]> {
    const limit = Math.max(0, Math.trunc(page.limit));
    // Keyset paging on the primary key: stable while rows are added or removed between pages.
    const rows = page.after
      ? await this.db.query(
          `${SELECT} WHERE status = 'active' AND (tenant_id > $1 OR (tenant_id = $1 AND aad_object_id > $2))
           ORDER BY tenant_id, aad_object_id LIMIT $3`,
          [page.after.tenantId, page.after.aadObjectId, limit],
        )
      : await this.db.query(`${SELECT} WHERE status = 'active' ORDER BY tenant_id, aad_object_id LIMIT $1`, [limit]);
    return rows.map(toActivation);
  }

  async countActive(): Promise<number> {
    const rows = await this.db.query(`SELECT COUNT(*) AS n FROM activations WHERE status = 'active'`);
    return parseRow(z.object({ n: column.count }), rows[0], { table: 'activations', key: 'count' }).n;
  }
}
