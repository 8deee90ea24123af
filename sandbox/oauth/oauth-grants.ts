import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/ports/clock';

export interface OAuthLifetimes {
  /** Authorization codes; default 60 s. */
  readonly codeMs: number;
  /** Access tokens; AFAS's example says `expires_in` 3600. */
  readonly accessTokenMs: number;
  /** Refresh tokens (AFAS does not document it); default 30 days. */
  readonly refreshTokenMs: number;
}

export const DEFAULT_OAUTH_LIFETIMES: OAuthLifetimes = { codeMs: 60_000, accessTokenMs: 3_600_000, refreshTokenMs: 30 * 24 * 3_600_000 };

export interface AuthorizationCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly userId: string;
  readonly codeChallenge: string;
  readonly scope: string;
  readonly expiresAt: number;
  used: boolean;
  /** The family the code's tokens went to, so a replayed code can revoke them (RFC 6749 4.1.2). */
  family: string | null;
}

interface RefreshToken {
  readonly family: string;
  readonly userId: string;
  readonly clientId: string;
  readonly scope: string;
  readonly expiresAt: number;
  used: boolean;
}

interface AccessToken {
  readonly family: string;
  readonly userId: string;
  readonly expiresAt: number;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresInSeconds: number;
  readonly scope: string;
}

export type RefreshOutcome = { readonly ok: true; readonly tokens: IssuedTokens; readonly userId: string } | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'reused' | 'revoked' | 'other_client' };

function opaque(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Codes, access tokens and rotating refresh tokens. Every refresh token belongs to a family (one
 * sign-in); using one marks it used and issues the next; presenting a used one again revokes the
 * whole family, as a stolen-and-replayed token must.
 */
export class OAuthGrants {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly revokedFamilies = new Set<string>();

  constructor(private readonly clock: Clock, private readonly lifetimes: OAuthLifetimes) {}

  issueCode(grant: Omit<AuthorizationCode, 'expiresAt' | 'used' | 'family'>): string {
    const code = opaque(32);
    this.codes.set(code, { ...grant, expiresAt: this.now() + this.lifetimes.codeMs, used: false, family: null });
    return code;
  }

  /** The code's grant, once; a second use revokes what the first one issued and returns 'reused'. */
  redeemCode(code: string): AuthorizationCode | 'unknown' | 'expired' | 'reused' {
    const grant = this.codes.get(code);
    if (!grant) return 'unknown';
    if (grant.used) {
      if (grant.family) this.revokeFamily(grant.family);
      return 'reused';
    }
    grant.used = true;
    if (grant.expiresAt <= this.now()) return 'expired';
    return grant;
  }

  /** A new family (first sign-in) for the code's user. */
  issueForCode(grant: AuthorizationCode): IssuedTokens {
    const family = opaque(12);
    grant.family = family;
    return this.issue(family, grant.userId, grant.clientId, grant.scope);
  }

  refresh(refreshToken: string, clientId: string): RefreshOutcome {
    const current = this.refreshTokens.get(refreshToken);
    if (!current) return { ok: false, reason: 'unknown' };
    if (current.clientId !== clientId) return { ok: false, reason: 'other_client' };
    if (this.revokedFamilies.has(current.family)) return { ok: false, reason: 'revoked' };
    if (current.used) {
      this.revokeFamily(current.family);
      return { ok: false, reason: 'reused' };
    }
    current.used = true;
    if (current.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, userId: current.userId, tokens: this.issue(current.family, current.userId, current.clientId, current.scope) };
  }

  /** The user of a live access token, or null (unknown, expired or revoked). */
  userForAccessToken(accessToken: string): string | null {
    const token = this.accessTokens.get(accessToken);
    if (!token || token.expiresAt <= this.now() || this.revokedFamilies.has(token.family)) return null;
    return token.userId;
  }

  /** Every access and refresh token of the family stops working. */
  revokeFamily(family: string): void {
    this.revokedFamilies.add(family);
  }

  /** Revokes the family a refresh or access token belongs to (as an admin blocking a user's sign-in). */
  revokeFamilyOf(token: string): void {
    const family = this.refreshTokens.get(token)?.family ?? this.accessTokens.get(token)?.family;
    if (family) this.revokeFamily(family);
  }

  /** Users holding a live access token. */
  holders(): Set<string> {
    const users = new Set<string>();
    for (const token of this.accessTokens.values()) if (token.expiresAt > this.now() && !this.revokedFamilies.has(token.family)) users.add(token.userId);
    return users;
  }

  private issue(family: string, userId: string, clientId: string, scope: string): IssuedTokens {
    const accessToken = opaque(32);
    const refreshToken = opaque(32);
    const now = this.now();
    this.accessTokens.set(accessToken, { family, userId, expiresAt: now + this.lifetimes.accessTokenMs });
    this.refreshTokens.set(refreshToken, { family, userId, clientId, scope, expiresAt: now + this.lifetimes.refreshTokenMs, used: false });
    return { accessToken, refreshToken, expiresInSeconds: Math.floor(this.lifetimes.accessTokenMs / 1000), scope };
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
