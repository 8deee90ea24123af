#!/usr/bin/env node
// `npm run admin -- <connection|owners> <command> [options]`: bundles src/cli with esbuild
// (dependencies stay external) and runs it against the configured storage. --help lists commands.
const { exitWith, loadTs } = require('./run-ts');

exitWith('npm run admin', loadTs('src/cli/main.ts', 'build/cli/admin.js').main(process.argv.slice(2)));
