import { createHash, randomInt } from 'node:crypto';
import type { AfasConnection } from '../../domain/afas-connection';
import { AppError } from '../../domain/app-error';
import type { UserKey } from '../../domain/user-key';
import type { AfasOAuth } from '../../ports/afas-oauth';
import type { Clock } from '../../ports/clock';
import type { ConnectionOAuthStore } from '../../ports/connection-oauth-store';
import type { ConnectionStore } from '../../ports/connection-store';
import type { NotificationWakeUp } from '../../ports/notification-wake-up';
import type { OAuthSignInStore, SignInSurface } from '../../ports/oauth-sign-in-store';
import type { OAuthTokenStore } from '../../ports/oauth-token-store';
import { connectionById } from '../find-connection';
import { oauthClientSettings } from './oauth-client-settings';

export interface OAuthSignInDeps {
  readonly signIns: OAuthSignInStore;
  readonly tokens: OAuthTokenStore;
  readonly connections: ConnectionStore;
  readonly connectionOAuth: ConnectionOAuthStore;
  readonly oauth: AfasOAuth;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly notifications: NotificationWakeUp;
  /** From start to AFAS's callback; default 10 minutes. */
  readonly startLifetimeMs?: number;
  /** From the callback to the proof in Teams; default 5 minutes. */
  readonly completionLifetimeMs?: number;
}

/** What the callback page tells the person in the browser. */
export type CallbackOutcome =
  | { readonly surface: 'bot'; readonly confirmationCode: string }
  /** The tab completes with its SSO token and this handle (the state, which only this popup saw). */
  | { readonly surface: 'tab'; readonly completionHandle: string };

export const hashOf = (value: string): string => createHash('sha256').update(value, 'utf8').digest('base64url');

/**
 * Sign-in with AFAS (authorization code + PKCE), bound to the Teams user who asked: the state is
 * random, single-use, short-lived and stored only as a hash with that user; the tokens are kept
 * aside until that same user proves it is them (the tab's SSO token, or the code typed into their
 * own chat). Possessing the link is never enough: a link completed by someone else links nothing.
 */
export class OAuthSignIn {
  constructor(private readonly deps: OAuthSignInDeps) {}

  /** AFAS's authorize URL for a new sign-in of `user` with `connection`. */
  async begin(user: UserKey, connection: AfasConnection, surface: SignInSurface): Promise<string> {
    const { oauth, clock } = this.deps;
    const settings = await oauthClientSettings(this.deps.connectionOAuth, connection, this.deps.publicUrl);
    const secrets = await oauth.newSignInSecrets();
    const now = clock.now();
    await this.deps.signIns.begin({
      stateHash: hashOf(secrets.state),
      user,
      connectionId: connection.id,
      verifier: secrets.verifier,
      surface,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (this.deps.startLifetimeMs ?? 10 * 60_000)),
    });
    return oauth.authorizationUrl(settings, secrets);
  }

  /** AFAS redirected back: the state is taken (once), the code exchanged; the tokens wait for the user's proof. */
  async callback(callbackUrl: URL): Promise<CallbackOutcome> {
    const { signIns, clock } = this.deps;
    const state = callbackUrl.searchParams.get('state') ?? '';
    const pending = state === '' ? null : await signIns.takeForCallback(hashOf(state), clock.now());
    if (!pending) throw new AppError('oauth_state_invalid', 'This sign-in link is unknown, used or expired: start the sign-in again from Teams.');
    try {
      const connection = await connectionById(this.deps.connections, pending.connectionId);
      const settings = await oauthClientSettings(this.deps.connectionOAuth, connection, this.deps.publicUrl);
      const grant = await this.deps.oauth.exchangeCode(settings, callbackUrl, state, pending.verifier, clock.now());
      const confirmationCode = pending.surface === 'bot' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null;
      const until = new Date(clock.now().getTime() + (this.deps.completionLifetimeMs ?? 5 * 60_000));
      await signIns.exchanged(pending.stateHash, grant, confirmationCode === null ? null : hashOf(confirmationCode), until);
      return confirmationCode === null ? { surface: 'tab', completionHandle: state } : { surface: 'bot', confirmationCode };
    } catch (error) {
      await signIns.remove(pending.stateHash);
      throw error;
    }
  }

  /**
   * The Teams user proves it is them: the tab with the handle (its SSO token names `user`), the bot
   * with the code typed into `user`'s own chat. Links AFAS to `user`; false when nothing matches.
   */
  async complete(user: UserKey, proof: { readonly completionHandle: string } | { readonly confirmationCode: string }): Promise<boolean> {
    const { clock } = this.deps;
    const key = 'completionHandle' in proof ? { stateHash: hashOf(proof.completionHandle) } : { confirmationHash: hashOf(proof.confirmationCode.trim()) };
    const done = await this.deps.signIns.complete(user, key, clock.now());
    if (!done) return false;
    await this.deps.tokens.saveSignIn({ user, connectionId: done.connectionId, afasUserId: 'OAuth', activatedAt: clock.now() }, done.tokens);
    await this.deps.notifications.wake(user);
    return true;
  }
}
