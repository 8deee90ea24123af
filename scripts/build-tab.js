#!/usr/bin/env node
// `npm run build:tab`: bundles the tab (tab/main.ts, teams-js included) and the development host
// for the browser into tab/dist with esbuild. Fast (well under a second), so `npm start` runs it too.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'tab', 'dist');

/** Builds everything; returns the output files' sizes in bytes. */
function buildTab({ quiet = false } = {}) {
  fs.mkdirSync(out, { recursive: true });
  const common = { bundle: true, minify: true, sourcemap: 'linked', target: ['es2020', 'chrome100', 'safari15'], logLevel: quiet ? 'error' : 'warning', legalComments: 'none' };
  esbuild.buildSync({
    ...common,
    entryPoints: { app: path.join(root, 'tab', 'main.ts'), 'dev-host': path.join(root, 'tab', 'dev-host', 'dev-host.ts'), 'auth-end': path.join(root, 'tab', 'auth-end.ts') },
    outdir: out,
    format: 'iife',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  esbuild.buildSync({
    ...common,
    entryPoints: { app: path.join(root, 'tab', 'styles.css'), 'dev-host': path.join(root, 'tab', 'dev-host', 'dev-host.css') },
    outdir: out,
  });
  fs.copyFileSync(path.join(root, 'tab', 'index.html'), path.join(out, 'index.html'));
  const sizes = {};
  for (const name of ['index.html', 'app.js', 'app.css']) sizes[name] = fs.statSync(path.join(out, name)).size;
  return sizes;
}

module.exports = { buildTab, TAB_DIST: out };

if (require.main === module) {
  const sizes = buildTab();
  process.stdout.write(`built tab/dist: ${Object.entries(sizes).map(([name, size]) => `${name} ${(size / 1024).toFixed(1)} KB`).join(', ')}\n`);
}
