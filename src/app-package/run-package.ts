import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { buildAppPackage } from './build-app-package';
import { readPackageSources, removeStalePackage, writeZip } from './package-io';
import { formatPackageReport } from './package-report';
import type { PackageMode } from './package-settings';

const USAGE = 'Usage: npm run package [-- --inspect] [-- --out <file.zip>]';

/**
 * `npm run package`: fills manifest/ from the configuration, checks it offline and writes
 * build/appPackage.zip (or build/appPackage.inspect.zip with --inspect). Resolves to the exit code.
 */
export async function runPackage(argv: readonly string[], root: string): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 1;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example and the README's configuration table.\n`);
    return 1;
  }
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  const outFile = args.out ?? join(root, 'build', args.mode === 'inspect' ? 'appPackage.inspect.zip' : 'appPackage.zip');
  const built = await buildAppPackage(config, String(packageJson.version ?? ''), args.mode, readPackageSources(join(root, 'manifest')));
  const shown = relative(process.cwd(), outFile) || outFile;
  if (built.problems.length > 0) {
    const removed = removeStalePackage(outFile);
    process.stderr.write(formatPackageReport(built, args.mode, shown) + (removed ? `Removed the older ${shown} so it is not uploaded by mistake.\n` : ''));
    return 1;
  }
  await writeZip(outFile, built.entries);
  process.stdout.write(formatPackageReport(built, args.mode, shown));
  return 0;
}

function parseArgs(argv: readonly string[]): { mode: PackageMode; out: string | null } | string {
  let mode: PackageMode = 'release';
  let out: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--inspect') mode = 'inspect';
    else if (argv[i] === '--out' && argv[i + 1]) out = resolve(argv[(i += 1)]);
    else return `Unknown argument: ${argv[i]}`;
  }
  return { mode, out };
}
