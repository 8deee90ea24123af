import type { Logger } from '../src/ports/logger';
import type { TokenStore } from './token-store';
import type { UserDirectory } from './user-directory';

/** The wait before the next demo signal: the interval plus a random part of as many again (15-30 minutes by default). */
export function nextSignalDelayMs(intervalMs: number, random: () => number): number {
  return Math.round(intervalMs * (1 + random()));
}

/**
 * New signals while a demo runs: now and then one for each user holding a valid token, so
 * notifications have something to announce without filling the chat. The timer is real and
 * unref'd: it never keeps a process alive.
 */
export class SignalFeed {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly directory: UserDirectory,
    private readonly tokens: Pick<TokenStore, 'holders'>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    const schedule = (): void => {
      this.timer = setTimeout(() => {
        this.generate();
        schedule();
      }, nextSignalDelayMs(this.intervalMs, this.random));
      this.timer.unref();
    };
    schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Adds one signal per user with a valid token; returns how many were added. */
  generate(): number {
    const holders = this.tokens.holders();
    const users = this.directory.all().filter((u) => holders.has(u.userId));
    for (const user of users) this.directory.addSignal(user);
    if (users.length > 0) this.logger.debug({ count: users.length }, 'sandbox signals generated');
    return users.length;
  }
}
