import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../src/domain/app-error';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage, redactDatabaseUrl, type OpenStorageOptions } from '../../src/storage/open-storage';

const secretBox = new AesGcmSecretBox({ current: Buffer.alloc(32, 1) });

async function failure(options: Partial<OpenStorageOptions>): Promise<AppError> {
  try {
    const storage = await openStorage({ dataDir: ':memory:', secretBox, ...options });
    await storage.close();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected openStorage to fail');
}

describe('openStorage', () => {
  it('uses embedded SQLite when no database URL is given', async () => {
    const storage = await openStorage({ databaseUrl: '  ', dataDir: ':memory:', secretBox });
    expect(storage.engine).toBe('sqlite');
    await expect(storage.ping()).resolves.toBeUndefined();
    await storage.close();
  });

  it('refuses a URL of another engine instead of silently falling back to SQLite', async () => {
    const error = await failure({ databaseUrl: 'mysql://root:pw@localhost/afas' });
    expect(error.code).toBe('storage_unsupported_url');
    expect(error.message).not.toContain('pw');
  });

  it('an unreachable PostgreSQL fails naming the engine and host, never the password', async () => {
    const error = await failure({ databaseUrl: 'postgresql://app:Sup3rS3cret@127.0.0.1:1/afas?password=Sup3rS3cret' });
    expect(error.code).toBe('storage_unavailable');
    expect(error.message).toContain('PostgreSQL');
    expect(error.message).toContain('127.0.0.1:1/afas');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('Sup3rS3cret');
  });

  it('a malformed PostgreSQL URL is reported without echoing it', async () => {
    const error = await failure({ databaseUrl: 'postgres://app:Sup3rS3cret@host:notaport/afas' });
    expect(error.code).toBe('storage_unavailable');
    expect(error.message).not.toContain('Sup3rS3cret');
    expect(error.cause).toBeUndefined();
  });

  it('a data directory that cannot be created fails naming SQLite and the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afas-open-'));
    writeFileSync(join(dir, 'blocker'), 'a file, not a directory');
    const error = await failure({ dataDir: join(dir, 'blocker', 'data') });
    rmSync(dir, { recursive: true, force: true });
    expect(error.code).toBe('storage_unavailable');
    expect(error.message).toContain('SQLite');
    expect(error.message).toContain(join('blocker', 'data', 'afas-for-teams.sqlite'));
  });

  it('a data file that is not a SQLite database fails with storage_unavailable instead of being overwritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'afas-open-'));
    writeFileSync(join(dir, 'afas-for-teams.sqlite'), 'this is not a database file, it is just text '.repeat(40));
    const error = await failure({ dataDir: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(error.code).toBe('storage_unavailable');
    expect(error.message).toMatch(/SQLite.*not a database/);
  });

  it('redacts the password and query string of a database URL', () => {
    expect(redactDatabaseUrl('postgres://app:pw@db.internal:5432/afas?sslmode=require&password=pw')).toBe('postgres://app@db.internal:5432/afas');
    expect(redactDatabaseUrl('not a url with :pw@')).toBe('postgres://(unparseable URL)');
  });
});
