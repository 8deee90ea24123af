import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
const OTHERS = 0o077;
const STICKY = 0o1000;

/** A mode this process changed (octal text), for the start-up log line. */
export interface ModeRepair {
  readonly path: string;
  readonly from: string;
  readonly to: string;
}

/** What was tightened, and what could not be (a shared or foreign directory, a file we do not own). */
export interface ModeReport {
  readonly repaired: readonly ModeRepair[];
  readonly left: readonly { readonly path: string; readonly mode: string; readonly reason: string }[];
}

const octal = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0');

function modeOf(path: string): number | null {
  try {
    return statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

class ModeFixer {
  readonly repaired: ModeRepair[] = [];
  readonly left: { path: string; mode: string; reason: string }[] = [];

  tighten(path: string, wanted: number): void {
    const mode = modeOf(path);
    if (mode === null || (mode & OTHERS) === 0) return;
    if (mode & STICKY) {
      this.left.push({ path, mode: octal(mode), reason: 'a shared directory (sticky bit)' });
      return;
    }
    try {
      chmodSync(path, wanted);
      this.repaired.push({ path, from: octal(mode), to: octal(wanted) });
    } catch (error) {
      this.left.push({ path, mode: octal(mode), reason: (error as NodeJS.ErrnoException).code ?? 'chmod failed' });
    }
  }

  report(): ModeReport {
    return { repaired: this.repaired, left: this.left };
  }
}

const companions = (databaseFile: string): string[] => [`${databaseFile}-wal`, `${databaseFile}-shm`];

/**
 * The database holds names, e-mail addresses and sealed tokens: its directory is made 0700 and the
 * file with its `-wal`/`-shm` companions 0600, whatever the umask. The file is created here, before
 * SQLite opens it, because SQLite gives the companions the mode of the database file. Existing
 * files with looser modes are tightened. A directory with the sticky bit (such as /tmp) is shared
 * on purpose and left alone.
 */
export function secureSqliteFiles(dataDir: string, databaseFile: string): ModeReport {
  const fixer = new ModeFixer();
  if (process.platform === 'win32') return fixer.report();
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  fixer.tighten(dataDir, DIR_MODE);
  if (modeOf(databaseFile) === null) closeSync(openSync(databaseFile, 'a', FILE_MODE));
  for (const path of [databaseFile, ...companions(databaseFile)]) fixer.tighten(path, FILE_MODE);
  return fixer.report();
}

/** After SQLite opened the database: the `-wal`/`-shm` files it created, checked once more. */
export function secureSqliteCompanions(databaseFile: string): ModeReport {
  const fixer = new ModeFixer();
  if (process.platform !== 'win32') for (const path of companions(databaseFile)) fixer.tighten(path, FILE_MODE);
  return fixer.report();
}
