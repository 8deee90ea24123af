import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage, SQLITE_FILE_NAME } from '../../src/storage/open-storage';
import { SqliteDriver } from '../../src/storage/sqlite-driver';
import { storageContract, type StorageTarget } from './storage-contract';

describe('SQLite storage', () => {
  let dataDir: string;
  let target: StorageTarget;

  beforeAll(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'afas-storage-')), 'data');
    target = {
      engine: 'sqlite',
      open: (secretBox) => openStorage({ dataDir, secretBox }),
      openRaw: async () => new SqliteDriver({ filename: join(dataDir, SQLITE_FILE_NAME) }),
    };
  });
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  storageContract(() => target);

  describe('the embedded file', () => {
    const secretBox = new AesGcmSecretBox({ current: Buffer.alloc(32, 3) });

    it('is created with its directory and runs in WAL mode', async () => {
      const storage = await openStorage({ dataDir: join(dataDir, 'fresh', 'nested'), secretBox });
      expect(storage.engine).toBe('sqlite');
      await storage.close();
      const raw = new SqliteDriver({ filename: join(dataDir, 'fresh', 'nested', SQLITE_FILE_NAME) });
      expect(await raw.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      await raw.close();
    });

    it("':memory:' gives a working throwaway database that keeps nothing after close", async () => {
      const first = await openStorage({ dataDir: ':memory:', secretBox });
      await first.state.write([{ key: 'k', value: 1 }]);
      expect((await first.state.read(['k'])).k.value).toBe(1);
      await first.close();
      const second = await openStorage({ dataDir: ':memory:', secretBox });
      expect(await second.state.read(['k'])).toEqual({});
      await second.close();
    });

    it('statements from other callers wait while a transaction is open instead of joining it', async () => {
      const raw = new SqliteDriver({ filename: ':memory:' });
      await raw.execute('CREATE TABLE t (v TEXT)');
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const failing = raw.transaction(async (tx) => {
        await tx.execute(`INSERT INTO t VALUES ('inside')`);
        await gate;
        throw new Error('rolled back');
      });
      const outside = raw.execute(`INSERT INTO t VALUES ('outside')`);
      release();
      await expect(failing).rejects.toThrow('rolled back');
      await outside;
      expect(await raw.query('SELECT v FROM t')).toEqual([{ v: 'outside' }]);
      await raw.close();
    });
  });
});
