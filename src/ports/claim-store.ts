/**
 * First-come claims on a key for a while, shared by every replica that shares the store: a
 * retried Teams activity, a welcome racing another. The embedded one is this process's memory.
 */
export interface ClaimStore {
  /** True for the first claim of `key` within `ttlMs`; false while an earlier claim holds. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives the key up (a later claim succeeds at once). */
  release(key: string): Promise<void>;
}
