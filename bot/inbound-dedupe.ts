import type { ClaimStore } from '../src/ports/claim-store';
import type { Clock } from '../src/ports/clock';

/**
 * Teams re-sends an activity it got no answer to within 15 seconds; the retry carries the same
 * `activity.id`. Remembering ids for a while makes the retry a no-op. In memory first (this
 * replica's own retries cost nothing), then in the shared claim store when several replicas run:
 * a load balancer may hand the retry to another one.
 */
export class InboundDedupe {
  private readonly seen = new Map<string, number>();

  constructor(private readonly clock: Clock, private readonly ttlMs = 10 * 60_000, private readonly maxEntries = 50_000, private readonly shared: ClaimStore | null = null) {}

  /** True the first time an id is offered within the TTL; false for a repeat. Activities without id always pass. */
  async firstTime(id: string | undefined): Promise<boolean> {
    if (!id) return true;
    const now = this.clock.now().getTime();
    this.evict(now);
    const seenAt = this.seen.get(id);
    if (seenAt !== undefined && now - seenAt < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    return this.shared ? this.shared.claim(`inbound/${id}`, this.ttlMs) : true;
  }

  private evict(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs && this.seen.size <= this.maxEntries) break;
      this.seen.delete(id);
    }
  }
}
