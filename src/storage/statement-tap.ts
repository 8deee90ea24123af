import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from './sql-driver';

/** Hears each statement a driver is asked to run: its SQL text as the store wrote it. */
export type StatementListener = (sql: string) => void;

/**
 * A driver that tells its listeners about every statement before passing it on, so a test or a
 * benchmark can count what a turn costs in SQL. A transaction shows as `BEGIN`, its statements and
 * `COMMIT`: each is a round trip on PostgreSQL. With no listener it only passes calls on.
 */
export class StatementTap implements SqlDriver {
  readonly engine: SqlDriver['engine'];
  private readonly listeners = new Set<StatementListener>();

  constructor(private readonly driver: SqlDriver) {
    this.engine = driver.engine;
  }

  /** Starts telling `listener`; the returned function stops it. */
  listen(listener: StatementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    this.tell(sql);
    return this.driver.query(sql, params);
  }

  execute(sql: string, params?: readonly SqlValue[]): Promise<number> {
    this.tell(sql);
    return this.driver.execute(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.tell('BEGIN');
    try {
      const result = await this.driver.transaction((tx) =>
        work({
          engine: tx.engine,
          query: (sql, params) => (this.tell(sql), tx.query(sql, params)),
          execute: (sql, params) => (this.tell(sql), tx.execute(sql, params)),
        }),
      );
      this.tell('COMMIT');
      return result;
    } catch (error) {
      this.tell('ROLLBACK');
      throw error;
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private tell(sql: string): void {
    for (const listener of this.listeners) listener(sql);
  }
}
