import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage, SQLITE_FILE_NAME } from '../../src/storage/open-storage';
import { SqliteDriver } from '../../src/storage/sqlite-driver';
import { startDemoApp } from '../support/demo-app';
import { RecordingLogger } from '../fakes/recording-logger';

const secretBox = new AesGcmSecretBox({ current: Buffer.alloc(32, 3) });
const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const modes = (dataDir: string): Record<string, string> => {
  const db = join(dataDir, SQLITE_FILE_NAME);
  return { dir: modeOf(dataDir), db: modeOf(db), wal: modeOf(`${db}-wal`), shm: modeOf(`${db}-shm`) };
};
const PRIVATE = { dir: '700', db: '600', wal: '600', shm: '600' };

/** The database holds names, e-mail addresses and sealed tokens: nobody else on the machine may read it. */
describe('the SQLite files on disk', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'afas-modes-'));
    // The usual default: files 0644 and directories 0755 unless the product says otherwise.
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('are created private: DATA_DIR 0700, the database and its -wal and -shm files 0600', async () => {
    const dataDir = join(root, 'data');
    const storage = await openStorage({ dataDir, secretBox });
    await storage.state.write([{ key: 'k', value: 1 }]);
    expect(modes(dataDir)).toEqual(PRIVATE);
    await storage.close();
  });

  it('are tightened at start when an earlier version left them readable, with a log line naming them', async () => {
    const dataDir = join(root, 'data');
    await (await openStorage({ dataDir, secretBox })).close();
    const db = join(dataDir, SQLITE_FILE_NAME);
    // Another process (a second instance, the admin CLI) holds the database open, so -wal and -shm exist.
    const other = new SqliteDriver({ filename: db });
    await other.execute('CREATE TABLE IF NOT EXISTS t (v TEXT)');
    chmodSync(dataDir, 0o755);
    for (const file of [db, `${db}-wal`, `${db}-shm`]) chmodSync(file, 0o644);

    const logger = new RecordingLogger();
    const storage = await openStorage({ dataDir, secretBox, logger });
    expect(modes(dataDir)).toEqual(PRIVATE);
    const line = logger.lines.find((l) => l.fields.code === 'storage_modes_repaired');
    expect(line?.level).toBe('warn');
    expect(line?.fields.files).toEqual([
      { path: dataDir, from: '0755', to: '0700' },
      { path: db, from: '0644', to: '0600' },
      { path: `${db}-wal`, from: '0644', to: '0600' },
      { path: `${db}-shm`, from: '0644', to: '0600' },
    ]);
    await storage.close();
    await other.close();
  });

  it('says nothing when the modes are already right', async () => {
    const dataDir = join(root, 'data');
    await (await openStorage({ dataDir, secretBox })).close();
    const logger = new RecordingLogger();
    await (await openStorage({ dataDir, secretBox, logger })).close();
    expect(logger.lines.filter((l) => String(l.fields.code).startsWith('storage_modes'))).toEqual([]);
  });

  it('a shared directory such as /tmp itself is left alone (sticky bit), the files in it are still private', async () => {
    const storage = await openStorage({ dataDir: root, secretBox });
    await storage.close();
    chmodSync(root, 0o1777);
    const logger = new RecordingLogger();
    await (await openStorage({ dataDir: root, secretBox, logger })).close();
    expect((statSync(root).mode & 0o7777).toString(8)).toBe('1777');
    expect(modeOf(join(root, SQLITE_FILE_NAME))).toBe('600');
    expect(logger.lines.find((l) => l.fields.code === 'storage_modes_loose')?.fields.files).toEqual([{ path: root, mode: '1777', reason: 'a shared directory (sticky bit)' }]);
  });

  it('the started product (demo mode, default settings) keeps its data directory and database private', async () => {
    const demo = await startDemoApp();
    try {
      expect(modes(demo.dataDir)).toEqual(PRIVATE);
    } finally {
      await demo.stop();
    }
  });
});
