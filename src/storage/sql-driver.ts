export type SqlEngine = 'sqlite' | 'postgres';

/** What the stores bind: text, numbers (epoch ms, 0/1 flags, counts) and NULL. */
export type SqlValue = string | number | null;

export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * Runs SQL written once for both engines: `$1`-style placeholders, `INSERT ... ON CONFLICT`,
 * `RETURNING`, no engine-specific functions. SQL text must not contain `$` inside string literals
 * (placeholders are rewritten for SQLite by a plain scan).
 */
export interface SqlExecutor {
  readonly engine: SqlEngine;
  /** The result rows, with column names as written in the SQL. */
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement and returns how many rows it changed. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** A database connection (or pool) the stores share. */
export interface SqlDriver extends SqlExecutor {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (and the
   * error is rethrown unchanged). Everything inside must go through the given executor.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
