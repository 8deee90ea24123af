import { buildSync } from 'esbuild';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The scale tests' children run as plain Node processes, so their entry is bundled first, as
 * `npm run bench` bundles a benchmark (dependencies stay in node_modules). Returns the bundle's path.
 */
export function buildChildBundle(): string {
  const outfile = join(ROOT, 'build', 'scale', 'scale-child.js');
  buildSync({ entryPoints: [join(__dirname, 'scale-child.ts')], outfile, bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' });
  return outfile;
}
