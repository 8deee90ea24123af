#!/usr/bin/env node
// `npm run admin -- <connection|owners> <command> [options]`: bundles src/cli with esbuild
// (dependencies stay external) and runs it against the configured storage. --help lists commands.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'build', 'cli', 'admin.js');
const bundled = esbuild.buildSync({ entryPoints: [path.join(root, 'src', 'cli', 'main.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', sourcemap: 'inline', logLevel: 'warning', write: false });
// Write under a private name, then rename: two runs at once never load half a file.
fs.mkdirSync(path.dirname(outfile), { recursive: true });
const partial = `${outfile}.${process.pid}`;
fs.writeFileSync(partial, bundled.outputFiles[0].contents);
fs.renameSync(partial, outfile);
process.setSourceMapsEnabled(true);
require(outfile)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`npm run admin failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
