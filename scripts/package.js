#!/usr/bin/env node
// `npm run package [-- --inspect] [-- --out file.zip]`: bundles src/app-package with esbuild
// (dependencies stay external) and runs it: fills manifest/ from the configuration, checks the
// result offline and writes build/appPackage.zip. Exit code 1 with a list of every problem.
const path = require('node:path');
const { exitWith, loadTs } = require('./run-ts');

exitWith('npm run package', loadTs('src/app-package/run-package.ts', 'build/app-package/run-package.js').runPackage(process.argv.slice(2), path.resolve(__dirname, '..')));
