import type { ClaimStore } from '../src/ports/claim-store';
import type { StateStore } from '../src/ports/state-store';

/** Two racing claims on different replicas both read "not yet" within this; the shared claim decides. */
const RACE_WINDOW_MS = 60_000;

/**
 * "Only once" across turns that race: Teams sends installationUpdate and conversationUpdate at
 * the same moment on install, and both would otherwise welcome. Claims are serialised per key in
 * this process and remembered in the state store, so a restart does not forget them. With several
 * replicas, the two may reach different ones: a claim in the shared claim store decides between them.
 */
export class OncePerKey {
  private readonly chains = new Map<string, Promise<boolean>>();

  constructor(private readonly state: StateStore, private readonly prefix: string, private readonly shared: ClaimStore | null = null) {}

  /** True for the first claim of `key` (until it is reset), false for every other. */
  claim(key: string): Promise<boolean> {
    const storeKey = `${this.prefix}/${key}`;
    const run = async (): Promise<boolean> => {
      const current = (await this.state.read([storeKey]))[storeKey];
      if (current?.value === true) return false;
      if (this.shared && !(await this.shared.claim(storeKey, RACE_WINDOW_MS))) return false;
      await this.state.write([{ key: storeKey, value: true }]);
      return true;
    };
    const previous = this.chains.get(key) ?? Promise.resolve(false);
    const next = previous.then(run, run);
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    }).catch(() => undefined);
    return next;
  }

  async reset(key: string): Promise<void> {
    await this.state.delete([`${this.prefix}/${key}`]);
    await this.shared?.release(`${this.prefix}/${key}`);
  }
}
