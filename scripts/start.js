#!/usr/bin/env node
// `npm start`: compile when the sources changed since the last build (tsc is incremental), bundle
// the tab, then run.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');
const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  process.stderr.write('Build failed: see the TypeScript errors above.\n');
  process.exit(build.status ?? 1);
}
// The tab's browser bundle (esbuild, well under a second).
require('./build-tab.js').buildTab({ quiet: true });
// Before the server loads restify: its spdy dependency's DEP0111 warning says nothing a user can act on.
require(path.join(root, 'dist', 'src', 'logging', 'known-deprecations.js')).silenceKnownDeprecations();
require(path.join(root, 'dist', 'src', 'server.js'));
