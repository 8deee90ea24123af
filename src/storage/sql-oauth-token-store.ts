import { z } from 'zod';
import type { Activation } from '../domain/activation';
import type { UserKey } from '../domain/user-key';
import { userKeyString } from '../domain/user-key';
import type { NewOAuthTokens, OAuthTokenStore, StoredOAuthTokens } from '../ports/oauth-token-store';
import type { SecretBox } from '../ports/secret-box';
import { column, parseRow } from './parse-row';
import { refreshTokenOwner, tokenOwner } from './secret-owners';
import type { SqlDriver } from './sql-driver';

const BY_USER = 'tenant_id = $1 AND aad_object_id = $2';

const rowSchema = z.object({
  connection_id: column.text,
  token_sealed: column.nullableText,
  refresh_token_sealed: column.nullableText,
  token_expires_at: column.epochMs.nullable(),
  token_version: z.number().int(),
  refreshing_until: column.epochMs.nullable(),
});

/**
 * OAuth tokens in the activations row: the access token in `token_sealed` (where a classic token
 * would be), the refresh token in `refresh_token_sealed`, both bound to the user. Every change
 * bumps `token_version`; a refresh is claimed and completed by compare-and-swap on it.
 */
export class SqlOAuthTokenStore implements OAuthTokenStore {
  constructor(private readonly db: SqlDriver, private readonly secretBox: SecretBox) {}

  async saveSignIn(activation: Omit<Activation, 'status' | 'updatedAt' | 'authKind'>, tokens: NewOAuthTokens): Promise<void> {
    const { user } = activation;
    await this.db.execute(
      `INSERT INTO activations (tenant_id, aad_object_id, connection_id, afas_user_id, status, token_sealed, activated_at, updated_at,
         auth_kind, refresh_token_sealed, token_expires_at, token_version, refreshing_until)
       VALUES ($1, $2, $3, $4, 'active', $5, $6, $6, 'oauth', $7, $8, 1, NULL)
       ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET connection_id = excluded.connection_id,
         afas_user_id = excluded.afas_user_id, status = 'active', token_sealed = excluded.token_sealed,
         activated_at = excluded.activated_at, updated_at = excluded.updated_at, auth_kind = 'oauth',
         refresh_token_sealed = excluded.refresh_token_sealed, token_expires_at = excluded.token_expires_at,
         token_version = activations.token_version + 1, refreshing_until = NULL`,
      [
        user.tenantId,
        user.aadObjectId,
        activation.connectionId,
        activation.afasUserId,
        this.secretBox.seal(tokens.accessToken, tokenOwner(user)),
        activation.activatedAt.getTime(),
        this.secretBox.seal(tokens.refreshToken, refreshTokenOwner(user)),
        tokens.expiresAt.getTime(),
      ],
    );
  }

  async read(user: UserKey): Promise<StoredOAuthTokens | null> {
    const rows = await this.db.query(
      `SELECT connection_id, token_sealed, refresh_token_sealed, token_expires_at, token_version, refreshing_until FROM activations
       WHERE ${BY_USER} AND status = 'active' AND auth_kind = 'oauth'`,
      [user.tenantId, user.aadObjectId],
    );
    if (rows.length === 0) return null;
    const row = parseRow(rowSchema, { ...rows[0], token_version: Number(rows[0].token_version) }, { table: 'activations', key: userKeyString(user) });
    if (row.token_sealed === null || row.refresh_token_sealed === null || row.token_expires_at === null) return null;
    return {
      connectionId: row.connection_id,
      accessToken: this.secretBox.open(row.token_sealed, tokenOwner(user)),
      refreshToken: this.secretBox.open(row.refresh_token_sealed, refreshTokenOwner(user)),
      expiresAt: new Date(row.token_expires_at),
      version: row.token_version,
      refreshingUntil: row.refreshing_until === null ? null : new Date(row.refreshing_until),
    };
  }

  async claimRefresh(user: UserKey, version: number, until: Date, now: Date): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE activations SET token_version = $3 + 1, refreshing_until = $4
       WHERE ${BY_USER} AND status = 'active' AND token_version = $3 AND (refreshing_until IS NULL OR refreshing_until <= $5)`,
      [user.tenantId, user.aadObjectId, version, until.getTime(), now.getTime()],
    );
    return changed === 1;
  }

  async completeRefresh(user: UserKey, claimedVersion: number, tokens: NewOAuthTokens): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE activations SET token_sealed = $4, refresh_token_sealed = $5, token_expires_at = $6, token_version = $3 + 1, refreshing_until = NULL
       WHERE ${BY_USER} AND status = 'active' AND token_version = $3`,
      [
        user.tenantId,
        user.aadObjectId,
        claimedVersion,
        this.secretBox.seal(tokens.accessToken, tokenOwner(user)),
        this.secretBox.seal(tokens.refreshToken, refreshTokenOwner(user)),
        tokens.expiresAt.getTime(),
      ],
    );
    return changed === 1;
  }

  async releaseClaim(user: UserKey, claimedVersion: number): Promise<void> {
    await this.db.execute(`UPDATE activations SET token_version = $3 + 1, refreshing_until = NULL WHERE ${BY_USER} AND token_version = $3`, [
      user.tenantId,
      user.aadObjectId,
      claimedVersion,
    ]);
  }
}
