import type { TimerHandle, Timers } from '../../../tab/timers';

/** Timeouts that fire only when the test moves time on. */
export class FakeTimers implements Timers {
  private nowMs: number;
  private next = 1;
  private readonly pending = new Map<TimerHandle, { at: number; callback: () => void }>();

  constructor(start = Date.parse('2026-03-02T08:00:00Z')) {
    this.nowMs = start;
  }

  now = (): Date => new Date(this.nowMs);

  set(callback: () => void, ms: number): TimerHandle {
    const handle = this.next++;
    this.pending.set(handle, { at: this.nowMs + Math.max(0, ms), callback });
    return handle;
  }

  clear(handle: TimerHandle): void {
    this.pending.delete(handle);
  }

  get count(): number {
    return this.pending.size;
  }

  /** Moves time forward, firing due timers in order, with promise continuations run between them. */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.nowMs = due[1].at;
      due[1].callback();
      await settle();
    }
    this.nowMs = target;
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
