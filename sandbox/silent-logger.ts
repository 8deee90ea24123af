import type { Logger } from '../src/ports/logger';

/** Drops every line: the sandbox is quiet unless a logger is injected. */
export class SilentLogger implements Logger {
  debug(): void {}
  info(): void {}
  warn(): void {}
  error(): void {}
  child(): Logger {
    return this;
  }
}
