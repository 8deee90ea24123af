import type { Clock } from '../../src/ports/clock';

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/**
 * A clock that only moves when told. With `autoAdvance`, every `sleep` moves time forward by its
 * duration at once (retry and backoff tests); otherwise sleepers wake when `advance` passes them.
 */
export class FakeClock implements Clock {
  private nowMs: number;
  private sleepers: Sleeper[] = [];
  readonly sleeps: number[] = [];

  constructor(start: Date | string = '2026-03-02T08:00:00Z', private readonly options: { autoAdvance?: boolean } = {}) {
    this.nowMs = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.options.autoAdvance) {
      this.nowMs += Math.max(0, ms);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = { wakeAt: this.nowMs + Math.max(0, ms), resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal.reason);
      }, { once: true });
    });
  }

  /** Moves time forward, waking sleepers in order and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    for (;;) {
      const next = this.sleepers.filter((s) => s.wakeAt <= target).sort((a, b) => a.wakeAt - b.wakeAt)[0];
      if (!next) break;
      this.nowMs = next.wakeAt;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      next.resolve();
      await flushPromises();
    }
    this.nowMs = target;
    await flushPromises();
  }

  set(instant: Date | string): void {
    this.nowMs = new Date(instant).getTime();
  }

  get pendingSleepers(): number {
    return this.sleepers.length;
  }
}

export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
