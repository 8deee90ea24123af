// Bundles one TypeScript entry point with esbuild (dependencies stay external) and loads it, for the
// npm scripts that run product code without a full build (admin CLI, app package).
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

/** Bundles `entry` (relative to the repo) to `outfile` under build/ and returns the loaded module. */
function loadTs(entry, outfile) {
  const root = path.resolve(__dirname, '..');
  const target = path.join(root, outfile);
  const bundled = esbuild.buildSync({ entryPoints: [path.join(root, entry)], outfile: target, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', sourcemap: 'inline', logLevel: 'warning', write: false });
  // Write under a private name, then rename: two runs at once never load half a file.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}`;
  fs.writeFileSync(partial, bundled.outputFiles[0].contents);
  fs.renameSync(partial, target);
  process.setSourceMapsEnabled(true);
  return require(target);
}

/** Runs `promise` (resolving to an exit code) and sets the exit code; failures print under `name`. */
function exitWith(name, promise) {
  promise.then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

module.exports = { loadTs, exitWith };
