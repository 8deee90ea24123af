import { z } from 'zod';
import { CLASSIC_ONLY, type ConnectionOAuth } from '../domain/afas-auth-mode';
import type { ConnectionOAuthStore } from '../ports/connection-oauth-store';
import type { SecretBox } from '../ports/secret-box';
import { column, parseRow } from './parse-row';
import { oauthClientSecretOwner } from './secret-owners';
import type { SqlDriver } from './sql-driver';

const rowSchema = z.object({ auth_mode: z.enum(['classic', 'oauth', 'both']), client_id: column.nullableText, scope: column.text });

/** `connection_oauth`: one row per connection that has OAuth settings; the client secret sealed to its connection. */
export class SqlConnectionOAuthStore implements ConnectionOAuthStore {
  constructor(private readonly db: SqlDriver, private readonly secretBox: SecretBox) {}

  async get(connectionId: string): Promise<ConnectionOAuth> {
    const rows = await this.db.query('SELECT auth_mode, client_id, scope FROM connection_oauth WHERE connection_id = $1', [connectionId]);
    if (rows.length === 0) return CLASSIC_ONLY;
    const row = parseRow(rowSchema, rows[0], { table: 'connection_oauth', key: connectionId });
    return { authMode: row.auth_mode, clientId: row.client_id, scope: row.scope };
  }

  async save(connectionId: string, settings: ConnectionOAuth, at: Date, clientSecret?: string | null): Promise<void> {
    const sealed = clientSecret === undefined || clientSecret === null ? null : this.secretBox.seal(clientSecret, oauthClientSecretOwner(connectionId));
    const keepSecret = clientSecret === undefined ? 1 : 0;
    await this.db.execute(
      `INSERT INTO connection_oauth (connection_id, auth_mode, client_id, scope, client_secret_sealed, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (connection_id) DO UPDATE SET auth_mode = excluded.auth_mode, client_id = excluded.client_id, scope = excluded.scope,
         client_secret_sealed = CASE WHEN $7 = 1 THEN connection_oauth.client_secret_sealed ELSE excluded.client_secret_sealed END,
         updated_at = excluded.updated_at`,
      [connectionId, settings.authMode, settings.clientId, settings.scope, sealed, at.getTime(), keepSecret],
    );
  }

  async getClientSecret(connectionId: string): Promise<string | null> {
    const rows = await this.db.query('SELECT client_secret_sealed FROM connection_oauth WHERE connection_id = $1', [connectionId]);
    const sealed = rows.length === 0 ? null : parseRow(z.object({ client_secret_sealed: column.nullableText }), rows[0], { table: 'connection_oauth', key: connectionId }).client_secret_sealed;
    return sealed === null ? null : this.secretBox.open(sealed, oauthClientSecretOwner(connectionId));
  }

  async countActivations(connectionId: string): Promise<{ classic: number; oauth: number }> {
    const rows = await this.db.query(
      `SELECT auth_kind, COUNT(*) AS n FROM activations WHERE connection_id = $1 AND status = 'active' GROUP BY auth_kind`,
      [connectionId],
    );
    const counts = { classic: 0, oauth: 0 };
    for (const raw of rows) {
      const row = parseRow(z.object({ auth_kind: z.enum(['classic', 'oauth']), n: column.count }), { ...raw, n: Number(raw.n) }, { table: 'activations', key: connectionId });
      counts[row.auth_kind] = row.n;
    }
    return counts;
  }
}
