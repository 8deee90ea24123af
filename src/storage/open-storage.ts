import { join } from 'node:path';
import { AppError, isAppError } from '../domain/app-error';
import type { Logger } from '../ports/logger';
import type { SecretBox } from '../ports/secret-box';
import type { Storage } from '../ports/storage';
import { errorMessage } from './error-message';
import { applyMigrations } from './migrations';
import { PostgresDriver } from './postgres-driver';
import { rebindSealedSecrets } from './rebind-secrets';
import type { SqlDriver } from './sql-driver';
import { SqliteDriver } from './sqlite-driver';
import { secureSqliteCompanions, secureSqliteFiles, type ModeReport } from './sqlite-files';
import { SqlStorage } from './sql-storage';

export interface OpenStorageOptions {
  /** `postgres://` or `postgresql://` selects PostgreSQL; absent or empty selects embedded SQLite. */
  readonly databaseUrl?: string;
  /** Where the SQLite file lives (created if missing); `:memory:` for a throwaway database. */
  readonly dataDir: string;
  readonly secretBox: SecretBox;
  /** PostgreSQL only: a schema to create if missing and use instead of `public`. */
  readonly postgresSchema?: string;
  /**
   * Receives reports the engines make outside any call (a pooled connection dropped while idle),
   * file modes tightened at start and secrets migrated at start.
   */
  readonly logger?: Logger;
}

export const SQLITE_FILE_NAME = 'afas-for-teams.sqlite';
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** The URL without its password, for messages: `postgres://app@db:5432/afas`. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

function unavailable(engine: string, where: string, error: unknown): AppError {
  return new AppError('storage_unavailable', `Could not open ${engine} storage at ${where}: ${errorMessage(error)}`, {
    cause: error,
    details: { engine, where },
  });
}

async function openDriver(options: OpenStorageOptions): Promise<{ driver: SqlDriver; engine: string; where: string }> {
  const url = options.databaseUrl?.trim() ?? '';
  if (url !== '' && !POSTGRES_URL.test(url)) {
    throw new AppError('storage_unsupported_url', 'The database URL must start with postgres:// or postgresql://; leave it empty for the embedded SQLite database.');
  }
  if (url !== '') {
    const where = `${redactDatabaseUrl(url)}${options.postgresSchema ? ` (schema ${options.postgresSchema})` : ''}`;
    try {
      new URL(url);
    } catch {
      // Not passed on as a cause: the URL parser's error carries the full input, password included.
      throw new AppError('storage_unavailable', 'Could not open PostgreSQL storage: the database URL is not a valid URL.');
    }
    try {
      const driver = await PostgresDriver.connect({
        connectionString: url,
        schema: options.postgresSchema,
        onIdleError: (error) => options.logger?.warn({ code: 'storage_idle_connection_lost', engine: 'postgres', reason: errorMessage(error) }, 'A pooled PostgreSQL connection was lost; the next query opens a new one'),
      });
      return { driver, engine: 'PostgreSQL', where };
    } catch (error) {
      if (isAppError(error, 'storage_invalid_schema')) throw error;
      throw unavailable('PostgreSQL', where, error);
    }
  }
  const inMemory = options.dataDir === ':memory:';
  const where = inMemory ? ':memory:' : join(options.dataDir, SQLITE_FILE_NAME);
  try {
    if (inMemory) return { driver: new SqliteDriver({ filename: where }), engine: 'SQLite', where };
    const before = secureSqliteFiles(options.dataDir, where);
    const driver = new SqliteDriver({ filename: where });
    // Opening in WAL mode creates the -wal and -shm files: checked once more now that they exist.
    reportModes(mergeReports(before, secureSqliteCompanions(where)), options.logger);
    return { driver, engine: 'SQLite', where };
  } catch (error) {
    throw unavailable('SQLite', where, error);
  }
}

function mergeReports(a: ModeReport, b: ModeReport): ModeReport {
  return { repaired: [...a.repaired, ...b.repaired], left: [...a.left, ...b.left] };
}

function reportModes(report: ModeReport, logger: Logger | undefined): void {
  if (report.repaired.length > 0) {
    logger?.warn({ code: 'storage_modes_repaired', files: report.repaired }, 'storage files were readable by other users of this machine; their modes are now 0700 (directory) and 0600 (files)');
  }
  if (report.left.length > 0) {
    logger?.warn({ code: 'storage_modes_loose', files: report.left }, 'storage files are readable by other users of this machine and could not be tightened; fix their modes (chmod 700 DATA_DIR, chmod 600 its files)');
  }
}

/**
 * Opens the configured engine, applies pending migrations and returns the stores. Errors name the
 * engine and location, never the database password.
 */
export async function openStorage(options: OpenStorageOptions): Promise<Storage> {
  const { driver, engine, where } = await openDriver(options);
  try {
    await applyMigrations(driver);
  } catch (error) {
    await driver.close();
    throw new AppError('storage_migration_failed', `Could not migrate ${engine} storage at ${where}: ${errorMessage(error)}`, {
      cause: error,
      details: { engine, where },
    });
  }
  try {
    await rebindSealedSecrets(driver, options.secretBox, options.logger);
  } catch (error) {
    await driver.close();
    throw new AppError('storage_migration_failed', `Could not bind the sealed secrets in ${engine} storage at ${where} to their rows: ${errorMessage(error)}`, {
      cause: error,
      details: { engine, where },
    });
  }
  return new SqlStorage(driver, options.secretBox);
}
