import type { AfasOAuth } from '../ports/afas-oauth';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Storage } from '../ports/storage';
import { FreshAccessToken } from '../use-cases/oauth/fresh-access-token';
import { RefreshingActivationStore } from '../use-cases/oauth/refreshing-activation-store';

export interface OAuthRefreshDeps {
  readonly oauth: AfasOAuth;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly publicUrl: string;
}

/**
 * The storage every part of the process reads activations through (chat, tab, notification polls,
 * task actions): OAuth access tokens come out fresh, refreshed once per user across processes.
 */
export function withOAuthRefresh(storage: Storage, deps: OAuthRefreshDeps): Storage {
  const fresh = new FreshAccessToken({
    tokens: storage.oauthTokens,
    activations: storage.activations,
    connections: storage.connections,
    connectionOAuth: storage.connectionOAuth,
    ...deps,
  });
  const activations = new RefreshingActivationStore(storage.activations, fresh);
  // The same object for everything else, so ping/close/watchStatements keep their receiver.
  return new Proxy(storage, { get: (target, key, receiver) => (key === 'activations' ? activations : Reflect.get(target, key, receiver) as unknown) });
}
