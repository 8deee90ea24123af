#!/usr/bin/env node
// Prints jest's result as the plain closing line CI reads: "tests: N passed, N failed, N skipped".
const fs = require('node:fs');

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  process.stdout.write('tests: 0 passed, 1 failed\n');
  process.exit(0);
}
const result = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = result.numPendingTests + (result.numTodoTests || 0);
process.stdout.write(`tests: ${result.numPassedTests} passed, ${result.numFailedTests + (result.numRuntimeErrorTestSuites || 0)} failed, ${skipped} skipped\n`);
