/** Gives back one slot; calling it again is harmless. */
export type Release = () => void;

/**
 * A counting semaphore with a strict FIFO queue. AFAS allows at most 8 calls in flight per
 * environment; every client of one environment shares one of these so the limit holds in total.
 */
export class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('Semaphore capacity must be a positive integer');
  }

  /** Slots currently held. */
  get inFlight(): number {
    return this.active;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves with a release function once a slot is free; waiters are served in arrival order. */
  acquire(): Promise<Release> {
    if (this.active < this.capacity && this.queue.length === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      // The slot is handed over directly, so `active` never dips and a newcomer cannot jump the queue.
      this.queue.push(() => resolve(this.releaser()));
    });
  }

  /** Runs `work` while holding a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    };
  }
}
