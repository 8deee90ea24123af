export type TimerHandle = number;

/** Timeouts, injected so tests can move time by hand. */
export interface Timers {
  set(callback: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

export function windowTimers(win: Window): Timers {
  return { set: (callback, ms) => win.setTimeout(callback, ms), clear: (handle) => win.clearTimeout(handle) };
}
