import { runAdminCli } from './admin-cli';
import { processIo } from './process-io';

/** The `npm run admin` entry point (bundled by scripts/admin.js). */
export function main(argv: readonly string[]): Promise<number> {
  return runAdminCli(argv, processIo());
}
