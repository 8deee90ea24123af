import type { UserKey } from '../domain/user-key';
import type { NewOAuthTokens } from './oauth-token-store';

/** Where a sign-in was started: the tab (completed with its SSO token) or the chat (completed with a typed code). */
export type SignInSurface = 'tab' | 'bot';

/** A sign-in between "start" and "linked". Keyed by a hash of the OAuth `state`; the state itself is never stored. */
export interface PendingSignIn {
  readonly stateHash: string;
  /** The Teams user who asked for it: the only one who may complete it. */
  readonly user: UserKey;
  readonly connectionId: string;
  /** The PKCE code verifier (sealed at rest). */
  readonly verifier: string;
  readonly surface: SignInSurface;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** The tokens of a sign-in whose code was exchanged, waiting for the Teams user to prove it is them. */
export interface ExchangedSignIn {
  readonly user: UserKey;
  readonly connectionId: string;
  readonly tokens: NewOAuthTokens;
}

/** Sign-ins in progress. Every step is single-use: a state or confirmation is consumed by the step that uses it. */
export interface OAuthSignInStore {
  begin(signIn: PendingSignIn): Promise<void>;
  /** The started, unexpired sign-in for this state, taken so no second callback can use it; null otherwise. */
  takeForCallback(stateHash: string, now: Date): Promise<PendingSignIn | null>;
  /** The code was exchanged: keep the tokens (sealed) until completion, which `confirmationHash` (bot) or the state (tab) unlocks. */
  exchanged(stateHash: string, tokens: NewOAuthTokens, confirmationHash: string | null, expiresAt: Date): Promise<void>;
  /** The exchanged sign-in of exactly this user, by state hash (tab) or confirmation hash (bot), removed; null when none matches. */
  complete(user: UserKey, key: { readonly stateHash: string } | { readonly confirmationHash: string }, now: Date): Promise<ExchangedSignIn | null>;
  /** Drops a sign-in (failed exchange). */
  remove(stateHash: string): Promise<void>;
  /** Removes what expired before `now`; returns how many. */
  removeExpired(now: Date): Promise<number>;
}
