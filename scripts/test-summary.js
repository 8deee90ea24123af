#!/usr/bin/env node
// Prints jest's results as the plain closing lines CI reads ("tests: N passed, N failed, N skipped"):
// one line per result file, then the total over all of them last.
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const label = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (!fs.existsSync(file)) {
    process.stdout.write(`${label}: 0 passed, 1 failed\n`);
    failed += 1;
    continue;
  }
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  const f = result.numFailedTests + (result.numRuntimeErrorTestSuites || 0);
  const s = result.numPendingTests + (result.numTodoTests || 0);
  process.stdout.write(`${label}: ${result.numPassedTests} passed, ${f} failed, ${s} skipped\n`);
  passed += result.numPassedTests;
  failed += f;
  skipped += s;
}
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
