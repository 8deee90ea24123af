#!/usr/bin/env node
// `npm run bench [name]`: bundles each bench/*.bench.ts with esbuild (dependencies stay external)
// and runs it in its own Node process, one after the other. Benchmarks print figures; one that loses
// or repeats work (a notification card) exits non-zero, and so does this script.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const only = process.argv[2];
const benches = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only));
if (benches.length === 0) {
  process.stderr.write(`no benchmark matches ${only}\n`);
  process.exit(1);
}
let failed = 0;
for (const file of benches) {
  const outfile = path.join(root, 'build', 'bench', file.replace(/\.ts$/, '.js'));
  esbuild.buildSync({ entryPoints: [path.join(root, 'bench', file)], outfile, bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' });
  process.stdout.write(`\n=== ${file}\n`);
  const run = spawnSync(process.execPath, ['--enable-source-maps', '--no-deprecation', '--expose-gc', outfile, ...process.argv.slice(3)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
