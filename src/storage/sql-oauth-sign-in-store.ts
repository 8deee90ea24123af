import { z } from 'zod';
import type { UserKey } from '../domain/user-key';
import type { NewOAuthTokens } from '../ports/oauth-token-store';
import type { ExchangedSignIn, OAuthSignInStore, PendingSignIn } from '../ports/oauth-sign-in-store';
import type { SecretBox } from '../ports/secret-box';
import { column, parseRow } from './parse-row';
import { signInTokensOwner, signInVerifierOwner } from './secret-owners';
import type { SqlDriver } from './sql-driver';

const pendingSchema = z.object({
  state_hash: column.text,
  tenant_id: column.text,
  aad_object_id: column.text,
  connection_id: column.text,
  verifier_sealed: column.text,
  surface: z.enum(['tab', 'bot']),
  created_at: column.epochMs,
  expires_at: column.epochMs,
});
const COLUMNS = Object.keys(pendingSchema.shape).join(', ');
const tokensSchema = z.object({ accessToken: z.string(), refreshToken: z.string(), expiresAt: z.number().int() });

/** `oauth_sign_ins`: status `started` → `exchanging` (callback took the state) → `exchanged` (tokens kept) → deleted at completion. */
export class SqlOAuthSignInStore implements OAuthSignInStore {
  constructor(private readonly db: SqlDriver, private readonly secretBox: SecretBox) {}

  async begin(signIn: PendingSignIn): Promise<void> {
    await this.db.execute(
      `INSERT INTO oauth_sign_ins (state_hash, tenant_id, aad_object_id, connection_id, verifier_sealed, surface, status, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'started', $7, $8)`,
      [
        signIn.stateHash,
        signIn.user.tenantId,
        signIn.user.aadObjectId,
        signIn.connectionId,
        this.secretBox.seal(signIn.verifier, signInVerifierOwner(signIn.stateHash)),
        signIn.surface,
        signIn.createdAt.getTime(),
        signIn.expiresAt.getTime(),
      ],
    );
  }

  async takeForCallback(stateHash: string, now: Date): Promise<PendingSignIn | null> {
    const rows = await this.db.query(
      `UPDATE oauth_sign_ins SET status = 'exchanging' WHERE state_hash = $1 AND status = 'started' AND expires_at > $2 RETURNING ${COLUMNS}`,
      [stateHash, now.getTime()],
    );
    if (rows.length === 0) return null;
    const row = parseRow(pendingSchema, rows[0], { table: 'oauth_sign_ins', key: stateHash.slice(0, 8) });
    return {
      stateHash: row.state_hash,
      user: { tenantId: row.tenant_id, aadObjectId: row.aad_object_id },
      connectionId: row.connection_id,
      verifier: this.secretBox.open(row.verifier_sealed, signInVerifierOwner(row.state_hash)),
      surface: row.surface,
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
    };
  }

  async exchanged(stateHash: string, tokens: NewOAuthTokens, confirmationHash: string | null, expiresAt: Date): Promise<void> {
    const sealed = this.secretBox.seal(JSON.stringify({ ...tokens, expiresAt: tokens.expiresAt.getTime() }), signInTokensOwner(stateHash));
    await this.db.execute(
      `UPDATE oauth_sign_ins SET status = 'exchanged', tokens_sealed = $2, confirmation_hash = $3, expires_at = $4 WHERE state_hash = $1 AND status = 'exchanging'`,
      [stateHash, sealed, confirmationHash, expiresAt.getTime()],
    );
  }

  async complete(user: UserKey, key: { stateHash: string } | { confirmationHash: string }, now: Date): Promise<ExchangedSignIn | null> {
    const [keyColumn, value] = 'stateHash' in key ? ['state_hash', key.stateHash] : ['confirmation_hash', key.confirmationHash];
    const rows = await this.db.query(
      `DELETE FROM oauth_sign_ins WHERE ${keyColumn} = $1 AND tenant_id = $2 AND aad_object_id = $3 AND status = 'exchanged' AND expires_at > $4
       RETURNING state_hash, connection_id, tokens_sealed`,
      [value, user.tenantId, user.aadObjectId, now.getTime()],
    );
    if (rows.length === 0) return null;
    const row = parseRow(z.object({ state_hash: column.text, connection_id: column.text, tokens_sealed: column.text }), rows[0], { table: 'oauth_sign_ins', key: 'completion' });
    const tokens = tokensSchema.parse(JSON.parse(this.secretBox.open(row.tokens_sealed, signInTokensOwner(row.state_hash))));
    return { user, connectionId: row.connection_id, tokens: { ...tokens, expiresAt: new Date(tokens.expiresAt) } };
  }

  async remove(stateHash: string): Promise<void> {
    await this.db.execute('DELETE FROM oauth_sign_ins WHERE state_hash = $1', [stateHash]);
  }

  async removeExpired(now: Date): Promise<number> {
    return this.db.execute('DELETE FROM oauth_sign_ins WHERE expires_at <= $1', [now.getTime()]);
  }
}


