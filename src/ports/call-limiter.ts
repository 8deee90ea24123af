/**
 * At most so many calls in flight at once: AFAS allows 8 per environment. The embedded adapter is
 * a semaphore in this process; several replicas share one in Redis so the limit holds in total.
 */
export interface CallLimiter {
  /** Runs `work` while holding a slot, and gives the slot back however `work` ends. */
  run<T>(work: () => Promise<T>): Promise<T>;
}
