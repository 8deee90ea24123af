import { randomBytes } from 'node:crypto';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import type { Storage } from '../../src/ports/storage';
import { MIGRATIONS } from '../../src/storage/migrations';
import { openStorage, redactDatabaseUrl } from '../../src/storage/open-storage';
import { PostgresDriver } from '../../src/storage/postgres-driver';
import { storageContract, type StorageTarget } from './storage-contract';

const databaseUrl = process.env.TEST_DATABASE_URL;

if (!databaseUrl) {
  describe.skip('PostgreSQL storage (skipped: TEST_DATABASE_URL is unset; set it to run against a real server)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
} else {
  describe('PostgreSQL storage', () => {
    // One schema per test file run, dropped afterwards, so parallel runs never see each other's rows.
    const schema = `afas_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const created: string[] = [];
    let admin: PostgresDriver | undefined;
    let target: StorageTarget;

    beforeAll(async () => {
      try {
        admin = await PostgresDriver.connect({ connectionString: databaseUrl, connectTimeoutMs: 5000 });
      } catch (error) {
        throw new Error(`TEST_DATABASE_URL is set but PostgreSQL at ${redactDatabaseUrl(databaseUrl)} is unreachable: ${(error as Error).message}`, { cause: error });
      }
      created.push(schema);
      target = {
        engine: 'postgres',
        open: (secretBox) => openStorage({ databaseUrl, dataDir: ':memory:', secretBox, postgresSchema: schema }),
        openRaw: () => PostgresDriver.connect({ connectionString: databaseUrl, schema }),
      };
    });

    afterAll(async () => {
      for (const name of created) await admin?.execute(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await admin?.close();
    });

    storageContract(() => target);

    describe('the server engine', () => {
      const secretBox = new AesGcmSecretBox({ current: Buffer.alloc(32, 5) });

      it('instances starting at the same time on an empty schema apply each migration exactly once', async () => {
        const race = `${schema}_race`;
        created.push(race);
        const results = await Promise.allSettled(
          Array.from({ length: 4 }, () => openStorage({ databaseUrl, dataDir: ':memory:', secretBox, postgresSchema: race })),
        );
        const opened = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        await Promise.all(opened.map((s: Storage) => s.close()));
        expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
        const rows = await admin?.query(`SELECT id FROM "${race}".schema_migrations ORDER BY id`);
        expect(rows?.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
      });

      it('keeps its tables in the given schema, not in public', async () => {
        const rows = await admin?.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'bot_state' AND table_schema = $1`, [schema]);
        expect(rows).toEqual([{ table_schema: schema }]);
      });

      it('reports the engine as postgres and counts as numbers, not BIGINT strings', async () => {
        const storage = await target.open(secretBox);
        expect(storage.engine).toBe('postgres');
        expect(typeof (await storage.activations.countActive())).toBe('number');
        await storage.close();
      });

      it('refuses a schema name that would need quoting', async () => {
        await expect(openStorage({ databaseUrl, dataDir: ':memory:', secretBox, postgresSchema: 'bad"; DROP' })).rejects.toMatchObject({
          code: 'storage_invalid_schema',
        });
      });
    });
  });
}
