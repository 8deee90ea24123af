import type { Activation } from '../../domain/activation';
import type { UserKey } from '../../domain/user-key';
import type { ActivationInUse, ActivationStore } from '../../ports/activation-store';
import type { FreshAccessToken } from './fresh-access-token';

/**
 * The activation store every reader uses: for an OAuth activation the token it hands out is a
 * fresh access token (refreshed first when about to expire), so the chat, the tab and the
 * notification polls need no OAuth code of their own. Classic activations pass through unchanged.
 */
export class RefreshingActivationStore implements ActivationStore {
  constructor(private readonly inner: ActivationStore, private readonly fresh: FreshAccessToken) {}

  save(activation: Omit<Activation, 'status' | 'updatedAt'>, token: string): Promise<void> {
    return this.inner.save(activation, token);
  }

  get(user: UserKey): Promise<Activation | null> {
    return this.inner.get(user);
  }

  async getInUse(user: UserKey): Promise<ActivationInUse | null> {
    const inUse = await this.inner.getInUse(user);
    if (!inUse || inUse.activation.authKind !== 'oauth' || inUse.token === null) return inUse;
    const token = await this.fresh.get(user);
    return { ...inUse, token, activation: token === null ? { ...inUse.activation, status: 'invalid' } : inUse.activation };
  }

  async getToken(user: UserKey): Promise<string | null> {
    // One read for the kind and the classic token (a notification poll asks this for every user).
    const inUse = await this.inner.getInUse(user);
    if (inUse?.activation.authKind === 'oauth') return this.fresh.get(user);
    return inUse?.token ?? null;
  }

  markInvalid(user: UserKey, at: Date): Promise<void> {
    return this.inner.markInvalid(user, at);
  }

  remove(user: UserKey): Promise<boolean> {
    return this.inner.remove(user);
  }

  listActive(page: { after?: UserKey; limit: number }): Promise<Activation[]> {
    return this.inner.listActive(page);
  }

  countActive(): Promise<number> {
    return this.inner.countActive();
  }
}
