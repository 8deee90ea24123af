import { Pool, types, type PoolClient } from 'pg';
import { AppError } from '../domain/app-error';
import { errorMessage } from './error-message';
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from './sql-driver';

export interface PostgresDriverOptions {
  /** `postgres://user:password@host:port/database` (plus libpq query parameters). */
  readonly connectionString: string;
  /** A schema to create if missing and put first on every connection's search_path. */
  readonly schema?: string;
  readonly maxConnections?: number;
  readonly connectTimeoutMs?: number;
  /**
   * A pooled connection died while idle (server restart, network). The pool already dropped it and
   * the next query opens a new one; this only reports it.
   */
  readonly onIdleError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const INT8_OID = 20;

// BIGINT arrives as text because it may exceed 2^53; ours are epoch ms, ids and counts, which never do.
function parseBigint(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new AppError('storage_corrupt_row', `A BIGINT value (${text}) is beyond 2^53.`);
  return value;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * Server-reported errors (a SQLSTATE) are `storage_query_failed`; socket errors, connection
 * exceptions (class 08) and shutdowns (57P) mean the server is not there: `storage_unavailable`.
 */
// Per pool rather than `types.setTypeParser`, which would change every other pg user in the process.
const bigintAsNumber = ((oid: number, format?: 'text' | 'binary') =>
  oid === INT8_OID && format !== 'binary' ? parseBigint : types.getTypeParser(oid, format)) as typeof types.getTypeParser;

function failed(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const sqlState = typeof code === 'string' && SQLSTATE.test(code) ? code : undefined;
  if (sqlState === undefined || sqlState.startsWith('08') || sqlState.startsWith('57P')) {
    return new AppError('storage_unavailable', `PostgreSQL is unreachable: ${errorMessage(error)}`, {
      cause: error,
      details: { engine: 'postgres', ...(typeof code === 'string' ? { reason: code } : {}) },
    });
  }
  return new AppError('storage_query_failed', `PostgreSQL statement failed: ${errorMessage(error)}`, {
    cause: error,
    details: { engine: 'postgres', sqlState },
  });
}

function clientExecutor(client: PoolClient): SqlExecutor {
  return {
    engine: 'postgres',
    query: async (sql, params = []) => {
      try {
        return (await client.query(sql, [...params])).rows as SqlRow[];
      } catch (error) {
        throw failed(error);
      }
    },
    execute: async (sql, params = []) => {
      try {
        return (await client.query(sql, [...params])).rowCount ?? 0;
      } catch (error) {
        throw failed(error);
      }
    },
  };
}

/** A `pg` pool behind the `SqlDriver` contract. Use `PostgresDriver.connect`, which checks the server answers. */
export class PostgresDriver implements SqlDriver {
  readonly engine = 'postgres' as const;
  private closed = false;

  private constructor(private readonly pool: Pool) {}

  static async connect(options: PostgresDriverOptions): Promise<PostgresDriver> {
    const schema = options.schema;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new AppError('storage_invalid_schema', `The PostgreSQL schema name "${schema}" must be letters, digits and underscores.`);
    }
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      types: { getTypeParser: bigintAsNumber },
      // The pool awaits this before handing a new connection out, so no query runs on the wrong schema.
      onConnect:
        schema === undefined
          ? undefined
          : async (client) => {
              await client.query(`SET search_path TO "${schema}"`);
            },
    });
    pool.on('error', (error) => options.onIdleError?.(error));
    const driver = new PostgresDriver(pool);
    try {
      if (schema !== undefined) await driver.createSchema(schema);
      await driver.query('SELECT 1');
    } catch (error) {
      await driver.close();
      throw error;
    }
    return driver;
  }

  query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    return this.pool.query(sql, [...params]).then(
      (result) => result.rows as SqlRow[],
      (error: unknown) => Promise.reject(failed(error)),
    );
  }

  execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.pool.query(sql, [...params]).then(
      (result) => result.rowCount ?? 0,
      (error: unknown) => Promise.reject(failed(error)),
    );
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw failed(error);
    }
    const tx = clientExecutor(client);
    try {
      await tx.execute('BEGIN');
      const result = await work(tx);
      await tx.execute('COMMIT');
      client.release();
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackError) {
        // A connection that cannot roll back is in an unknown state: destroy it instead of reusing it.
        client.release(rollbackError instanceof Error ? rollbackError : true);
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async createSchema(schema: string): Promise<void> {
    try {
      await this.execute(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } catch (error) {
      // Two instances starting together can both pass IF NOT EXISTS; the loser sees a duplicate, which is fine.
      const sqlState = (error as AppError).details.sqlState;
      if (sqlState !== '23505' && sqlState !== '42P06') throw error;
    }
  }
}
