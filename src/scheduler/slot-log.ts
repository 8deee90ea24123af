import type { RateLimit } from '../domain/teams-limits';

export interface SlotLogOptions {
  /** Every window counts this much longer than the limit says. */
  readonly marginMs: number;
  /** The least gap between two slots, so a burst goes out evenly instead of all at once. */
  readonly paceMs?: number;
  /** After `spanMs` without slots, the next `spanMs` of slots are paced `factor` times wider. */
  readonly coldStart?: { readonly factor: number; readonly spanMs: number };
}

/**
 * The booked send slots of one tenant or conversation, in ascending order (slots are only ever
 * appended at or after the last one). Keeping to "at most `limit` in any `windowMs`" then needs
 * one comparison per limit: a new slot must be at least `windowMs` after the `limit`-th last one.
 */
export class SlotLog {
  private times: number[] = [];
  private start = 0;
  private warmUntil = -Infinity;

  constructor(private readonly limits: readonly RateLimit[], private readonly options: SlotLogOptions) {}

  get last(): number | null {
    return this.times.length > this.start ? this.times[this.times.length - 1] : null;
  }

  /** The earliest slot at or after `from` (and not before the last booked one) that keeps every limit. */
  earliest(from: number): number {
    const last = this.last;
    const pace = (this.options.paceMs ?? 0) * (last !== null && last < this.warmUntil ? (this.options.coldStart?.factor ?? 1) : 1);
    let at = last === null ? from : Math.max(from, last + pace);
    const count = this.times.length - this.start;
    for (const { limit, windowMs } of this.limits) {
      if (count >= limit) at = Math.max(at, this.times[this.times.length - limit] + windowMs + this.options.marginMs);
    }
    return at;
  }

  book(at: number): void {
    const last = this.last;
    const span = this.options.coldStart?.spanMs;
    if (span !== undefined && (last === null || at - last > span)) this.warmUntil = at + span;
    this.times.push(at);
  }

  /** Forgets slots no window can see any more; true when nothing is left. */
  prune(now: number): boolean {
    const horizon = now - this.longestWindowMs();
    while (this.start < this.times.length && this.times[this.start] <= horizon) this.start++;
    if (this.start > 64 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.start = 0;
    }
    return this.start >= this.times.length;
  }

  private longestWindowMs(): number {
    return Math.max(0, ...this.limits.map((l) => l.windowMs)) + this.options.marginMs;
  }
}
