import { randomBytes } from 'node:crypto';

const AFAS_TOKEN_HEADER = /^AfasToken\s+([A-Za-z0-9+/=_-]+)\s*$/i;

/**
 * Classic AFAS tokens: `<token><version>1</version><data>64 HEX</data></token>`, one per OTP
 * validation, valid until revoked (AFAS reports `tokenExpiry: null`). A user may hold several.
 */
export class TokenStore {
  private readonly owners = new Map<string, string>();

  /** Issues a token for a user (by canonical user id) and returns the XML token string. */
  issue(userId: string): string {
    const token = `<token><version>1</version><data>${randomBytes(32).toString('hex').toUpperCase()}</data></token>`;
    this.owners.set(token, userId);
    return token;
  }

  revoke(token: string): void {
    this.owners.delete(token.trim());
  }

  /**
   * The user behind `Authorization: AfasToken <base64 of the XML token>`, or null. The decoded
   * token must match exactly: a client that forgets to trim AFAS's trailing CRLF is refused here.
   */
  userForHeader(header: string | undefined): string | null {
    const match = AFAS_TOKEN_HEADER.exec(header ?? '');
    if (!match) return null;
    return this.owners.get(Buffer.from(match[1], 'base64').toString('utf8')) ?? null;
  }

  /** The users that hold at least one valid token. */
  holders(): Set<string> {
    return new Set(this.owners.values());
  }
}
