#!/usr/bin/env node
// `npm run package [-- --inspect] [-- --out file.zip]`: bundles src/app-package with esbuild
// (dependencies stay external) and runs it: fills manifest/ from the configuration, checks the
// result offline and writes build/appPackage.zip. Exit code 1 with a list of every problem.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'build', 'app-package', 'run-package.js');
const bundled = esbuild.buildSync({ entryPoints: [path.join(root, 'src', 'app-package', 'run-package.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', sourcemap: 'inline', logLevel: 'warning', write: false });
// Write under a private name, then rename: two runs at once never load half a file.
fs.mkdirSync(path.dirname(outfile), { recursive: true });
const partial = `${outfile}.${process.pid}`;
fs.writeFileSync(partial, bundled.outputFiles[0].contents);
fs.renameSync(partial, outfile);
process.setSourceMapsEnabled(true);
require(outfile)
  .runPackage(process.argv.slice(2), root)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`npm run package failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
