import type { Logger } from '../ports/logger';

/** Warnings and errors as one line on stderr; the CLI's stdout stays for its own output. */
export class StderrLogger implements Logger {
  constructor(private readonly write: (text: string) => void) {}

  debug(): void {
    // The CLI shows no debug output.
  }
  info(): void {
    // Nor routine information: what the command did is its own output.
  }
  warn(fields: Record<string, unknown>, message: string): void {
    this.write(`warning: ${message}${typeof fields.code === 'string' ? ` (${fields.code})` : ''}`);
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.write(`error: ${message}${typeof fields.code === 'string' ? ` (${fields.code})` : ''}`);
  }
  child(): Logger {
    return this;
  }
}
