import type { Logger } from '../src/ports/logger';
import type { TokenStore } from './token-store';
import type { UserDirectory } from './user-directory';

/**
 * New signals while a demo runs: every interval, one for each user holding a valid token, so
 * notifications have something to announce. The timer is real and unref'd: it never keeps a
 * process alive.
 */
export class SignalFeed {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly directory: UserDirectory,
    private readonly tokens: TokenStore,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.generate(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
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
