import type { Activation } from '../domain/activation';
import type { UserKey } from '../domain/user-key';

/** A user's OAuth tokens as stored (decrypted), with the version every change bumps. */
export interface StoredOAuthTokens {
  /** The connection the activation belongs to (whose OAuth client refreshes it). */
  readonly connectionId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
  /** Bumped by every claim and every write: the compare-and-swap key for refreshing. */
  readonly version: number;
  /** Another refresher holds the claim until then; null = nobody is refreshing. */
  readonly refreshingUntil: Date | null;
}

export interface NewOAuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
}

/**
 * OAuth activations' tokens, sealed at rest. Refreshing is a compare-and-swap on `version`, so one
 * refresh is in flight per user across every process on the same database.
 */
export interface OAuthTokenStore {
  /** Inserts or replaces the user's activation as an OAuth one with fresh tokens. */
  saveSignIn(activation: Omit<Activation, 'status' | 'updatedAt' | 'authKind'>, tokens: NewOAuthTokens): Promise<void>;
  /** The active OAuth activation's tokens; null for none, a classic one, or an invalid one. */
  read(user: UserKey): Promise<StoredOAuthTokens | null>;
  /** Takes the refresh claim when the version is still `version` and no live claim exists; true = this caller refreshes. */
  claimRefresh(user: UserKey, version: number, until: Date, now: Date): Promise<boolean>;
  /** Stores the refreshed tokens and drops the claim; false when the claim (`claimedVersion`) was lost meanwhile. */
  completeRefresh(user: UserKey, claimedVersion: number, tokens: NewOAuthTokens): Promise<boolean>;
  /** Drops the claim and keeps the tokens (a transient failure: the next read tries again). */
  releaseClaim(user: UserKey, claimedVersion: number): Promise<void>;
}
