import type { Clock } from '../src/ports/clock';

/**
 * Teams re-sends an activity it got no answer to within 15 seconds; the retry carries the same
 * `activity.id`. Remembering ids for a while makes the retry a no-op. In memory: one replica sees
 * its own retries (Teams keeps the connection to the same instance in practice); the scale-out issue
 * moves this to the shared store.
 */
export class InboundDedupe {
  private readonly seen = new Map<string, number>();

  constructor(private readonly clock: Clock, private readonly ttlMs = 10 * 60_000, private readonly maxEntries = 50_000) {}

  /** True the first time an id is offered within the TTL; false for a repeat. Activities without id always pass. */
  firstTime(id: string | undefined): boolean {
    if (!id) return true;
    const now = this.clock.now().getTime();
    this.evict(now);
    const seenAt = this.seen.get(id);
    if (seenAt !== undefined && now - seenAt < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    return true;
  }

  private evict(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs && this.seen.size <= this.maxEntries) break;
      this.seen.delete(id);
    }
  }
}
