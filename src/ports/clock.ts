/** Time as the product sees it. Tests use a fake clock; nothing calls `Date.now()` directly. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`; rejects with the signal's reason when aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
