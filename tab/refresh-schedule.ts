import type { TimerHandle, Timers } from './timers';

export interface RefreshScheduleDeps {
  readonly doc: Document;
  /** Where `focus` arrives when the user comes back to the tab. */
  readonly win: EventTarget;
  readonly timers: Timers;
  readonly now: () => number;
  readonly intervalMs: number;
  /** A focus this soon after the last refresh does not refresh again. */
  readonly focusGapMs: number;
  readonly refresh: () => Promise<void>;
}

/**
 * When the tile reloads: every interval while the page is visible (nothing while hidden, and at
 * once on coming back if one is due), when the window gets focus, and on request. Never two at
 * a time; the interval counts from the last refresh, whatever started it.
 */
export class RefreshSchedule {
  private timer: TimerHandle | null = null;
  private lastRun: number;
  private running: Promise<void> | null = null;
  private started = false;

  constructor(private readonly deps: RefreshScheduleDeps) {
    this.lastRun = deps.now();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.deps.doc.addEventListener('visibilitychange', this.onVisibility);
    this.deps.win.addEventListener('focus', this.onFocus);
    this.schedule();
  }

  stop(): void {
    this.started = false;
    this.deps.doc.removeEventListener('visibilitychange', this.onVisibility);
    this.deps.win.removeEventListener('focus', this.onFocus);
    this.clear();
  }

  /** Refreshes now (the Refresh button); joins a refresh already running. */
  now(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  /** Tells the schedule a load happened outside it (the first load, after activation). */
  loaded(): void {
    this.lastRun = this.deps.now();
    this.schedule();
  }

  private async run(): Promise<void> {
    this.clear();
    try {
      await this.deps.refresh();
    } finally {
      this.running = null;
      this.loaded();
    }
  }

  private schedule(): void {
    this.clear();
    if (!this.started || this.deps.doc.visibilityState === 'hidden') return;
    const wait = Math.max(0, this.lastRun + this.deps.intervalMs - this.deps.now());
    this.timer = this.deps.timers.set(() => void this.now(), wait);
  }

  private clear(): void {
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = null;
  }

  private readonly onVisibility = (): void => this.schedule();

  private readonly onFocus = (): void => {
    if (this.deps.now() - this.lastRun >= this.deps.focusGapMs) void this.now();
  };
}
