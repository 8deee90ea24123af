/** What the CLI talks through: injected, so tests and the process entry point differ only here. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Everything on standard input (for `--api-key -`). */
  readStdin(): Promise<string>;
  /** Asks on the terminal without echoing what is typed; null when there is no terminal. */
  promptSecret(question: string): Promise<string | null>;
  /** The operator's OS user name, for the audit actor `cli:<user>`. */
  readonly osUser: string;
}

/** Exit codes: 0 done, 1 failed (or the check found problems), 2 wrong usage, 3 the check could not confirm the keys. */
export const EXIT = { ok: 0, failed: 1, usage: 2, notConfirmable: 3 } as const;

/** Wrong usage: the message says what to type instead; the exit code is 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
