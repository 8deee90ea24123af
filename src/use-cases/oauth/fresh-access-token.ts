import { isAppError } from '../../domain/app-error';
import type { UserKey } from '../../domain/user-key';
import type { ActivationStore } from '../../ports/activation-store';
import type { AfasOAuth } from '../../ports/afas-oauth';
import type { Clock } from '../../ports/clock';
import type { ConnectionOAuthStore } from '../../ports/connection-oauth-store';
import type { ConnectionStore } from '../../ports/connection-store';
import type { Logger } from '../../ports/logger';
import type { OAuthTokenStore, StoredOAuthTokens } from '../../ports/oauth-token-store';
import { connectionById } from '../find-connection';
import { oauthClientSettings } from './oauth-client-settings';

export interface FreshAccessTokenDeps {
  readonly tokens: OAuthTokenStore;
  /** The undecorated store: marking an activation invalid must not come back here. */
  readonly activations: Pick<ActivationStore, 'markInvalid'>;
  readonly connections: ConnectionStore;
  readonly connectionOAuth: ConnectionOAuthStore;
  readonly oauth: AfasOAuth;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly publicUrl: string;
  /** Refresh when the access token has less than this left; default 2 minutes. */
  readonly refreshBeforeMs?: number;
  /** How long a refresher may hold the claim before another process may take over; default 60 s, longer than a token request may take (30 s). */
  readonly claimMs?: number;
  /** How often a process that lost the claim looks for the winner's tokens; default 100 ms. */
  readonly waitStepMs?: number;
}

/**
 * An OAuth activation's access token, refreshed first when it is about to expire. Exactly one
 * refresh per user is in flight across processes: the refresher claims it by compare-and-swap on
 * the token version; the others wait for its tokens. AFAS rotates refresh tokens, so a second
 * concurrent refresh would fail and could make AFAS revoke the whole sign-in.
 */
export class FreshAccessToken {
  private readonly local = new Map<string, Promise<string | null>>();

  constructor(private readonly deps: FreshAccessTokenDeps) {}

  /** The token to call AFAS with; null when the user has no active OAuth activation (or AFAS refused the refresh: then it is marked invalid). */
  get(user: UserKey): Promise<string | null> {
    const key = `${user.tenantId}/${user.aadObjectId}`;
    // Callers in this process share one attempt; other processes are kept out by the claim.
    const running = this.local.get(key);
    if (running) return running;
    const attempt = this.attempt(user).finally(() => this.local.delete(key));
    this.local.set(key, attempt);
    return attempt;
  }

  private async attempt(user: UserKey): Promise<string | null> {
    const { tokens, clock } = this.deps;
    const refreshBeforeMs = this.deps.refreshBeforeMs ?? 120_000;
    const claimMs = this.deps.claimMs ?? 60_000;
    const waitStepMs = this.deps.waitStepMs ?? 100;
    const deadline = clock.now().getTime() + claimMs + 5_000;
    for (;;) {
      const stored = await tokens.read(user);
      if (!stored) return null;
      const now = clock.now();
      if (stored.expiresAt.getTime() - now.getTime() > refreshBeforeMs) return stored.accessToken;
      const busy = stored.refreshingUntil !== null && stored.refreshingUntil > now;
      if (!busy && (await tokens.claimRefresh(user, stored.version, new Date(now.getTime() + claimMs), now))) return this.refresh(user, stored);
      // Another process refreshes: its tokens arrive, or its claim lapses and one of us takes over.
      if (now.getTime() > deadline) return stored.expiresAt > now ? stored.accessToken : null;
      await clock.sleep(waitStepMs);
    }
  }

  private async refresh(user: UserKey, stored: StoredOAuthTokens): Promise<string | null> {
    const { tokens, clock, logger } = this.deps;
    const claimed = stored.version + 1;
    try {
      const connection = await connectionById(this.deps.connections, stored.connectionId);
      const settings = await oauthClientSettings(this.deps.connectionOAuth, connection, this.deps.publicUrl);
      const grant = await this.deps.oauth.refresh(settings, stored.refreshToken, clock.now());
      if (!(await tokens.completeRefresh(user, claimed, grant))) logger.warn({ code: 'oauth_claim_lost', tenantId: user.tenantId }, 'a refreshed token arrived after the claim lapsed');
      logger.info({ connectionId: stored.connectionId }, 'AFAS access token refreshed');
      return grant.accessToken;
    } catch (error) {
      if (isAppError(error, 'oauth_invalid_grant')) {
        logger.info({ code: error.code, connectionId: stored.connectionId }, 'AFAS refused the refresh token: the user must sign in again');
        await this.deps.activations.markInvalid(user, clock.now());
        return null;
      }
      await tokens.releaseClaim(user, claimed);
      throw error;
    }
  }
}
