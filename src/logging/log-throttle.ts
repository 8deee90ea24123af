import type { Clock } from '../ports/clock';

/** One line per key per window is enough to see a flood; the rest are counted into the next line. */
export const LOG_THROTTLE_WINDOW_MS = 10_000;

/**
 * Rate-limits log lines by key: the first line of a key is written at once, later ones at most once
 * per window, each carrying how many were suppressed since the last one written.
 */
export class LogThrottle {
  private readonly keys = new Map<string, { lastAt: number; suppressed: number }>();

  constructor(private readonly clock: Clock, private readonly windowMs = LOG_THROTTLE_WINDOW_MS) {}

  run(key: string, write: (suppressed: number) => void): void {
    const now = this.clock.now().getTime();
    const entry = this.keys.get(key);
    if (entry && now - entry.lastAt < this.windowMs) {
      entry.suppressed += 1;
      return;
    }
    this.keys.set(key, { lastAt: now, suppressed: 0 });
    write(entry?.suppressed ?? 0);
  }
}
