import Database from 'better-sqlite3';
import { AppError } from '../domain/app-error';
import { errorMessage } from './error-message';
import { SerialLock } from './serial-lock';
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from './sql-driver';

export interface SqliteDriverOptions {
  /** A database file path, or `:memory:`. The directory must exist. */
  readonly filename: string;
  /** How long a statement waits for another process's write lock before failing (ms). */
  readonly busyTimeoutMs?: number;
}

interface Translated {
  readonly statement: Database.Statement;
  /** For each `?` in order, which `$n` (0-based) it stands for. */
  readonly order: readonly number[];
}

const PLACEHOLDER = /\$(\d+)/g;
const MAX_CACHED_STATEMENTS = 1000;

function failed(error: unknown, sql: string): AppError {
  return new AppError('storage_query_failed', `SQLite statement failed: ${errorMessage(error)}`, {
    cause: error,
    details: { engine: 'sqlite', statement: sql.trim().split(/\s+/).slice(0, 4).join(' ') },
  });
}

/** better-sqlite3 (synchronous, one connection) in WAL mode, behind the async `SqlDriver` contract. */
export class SqliteDriver implements SqlDriver {
  readonly engine = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Translated>();
  private readonly lock = new SerialLock();
  private readonly inside: SqlExecutor;

  constructor(options: SqliteDriverOptions) {
    this.db = new Database(options.filename);
    try {
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      // WAL lets readers proceed during a write; `:memory:` databases stay in `memory` mode.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
    } catch (error) {
      // For example a file that is not a SQLite database: fail now, without leaking the handle.
      this.db.close();
      throw failed(error, 'PRAGMA');
    }
    this.inside = {
      engine: 'sqlite',
      query: async (sql, params) => this.all(sql, params),
      execute: async (sql, params) => this.run(sql, params),
    };
  }

  query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    return this.lock.run(() => this.all(sql, params));
  }

  execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.lock.run(() => this.run(sql, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
      this.run('BEGIN IMMEDIATE', []);
      let result: T;
      try {
        result = await work(this.inside);
      } catch (error) {
        if (this.db.inTransaction) this.run('ROLLBACK', []);
        throw error;
      }
      try {
        this.run('COMMIT', []);
      } catch (error) {
        if (this.db.inTransaction) this.run('ROLLBACK', []);
        throw error;
      }
      return result;
    });
  }

  close(): Promise<void> {
    return this.lock.run(() => {
      if (this.db.open) this.db.close();
    });
  }

  private all(sql: string, params: readonly SqlValue[] = []): SqlRow[] {
    const { statement, order } = this.prepare(sql);
    try {
      const values = order.map((i) => params[i]);
      if (!statement.reader) {
        statement.run(...values);
        return [];
      }
      return statement.all(...values) as SqlRow[];
    } catch (error) {
      throw failed(error, sql);
    }
  }

  private run(sql: string, params: readonly SqlValue[] = []): number {
    const { statement, order } = this.prepare(sql);
    try {
      return statement.run(...order.map((i) => params[i])).changes;
    } catch (error) {
      throw failed(error, sql);
    }
  }

  private prepare(sql: string): Translated {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const order: number[] = [];
    const text = sql.replace(PLACEHOLDER, (_whole, n: string) => {
      order.push(Number(n) - 1);
      return '?';
    });
    let statement: Database.Statement;
    try {
      statement = this.db.prepare(text);
    } catch (error) {
      throw failed(error, sql);
    }
    const translated = { statement, order };
    // `IN (...)` lists make one text per list length; a full reset keeps the cache bounded.
    if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
    this.statements.set(sql, translated);
    return translated;
  }
}
