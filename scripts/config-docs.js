#!/usr/bin/env node
// `npm run config:docs`: rewrites the README's configuration table and .env.example from
// src/config-keys.ts (a test fails when they drift apart).
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const bundled = esbuild.buildSync({ entryPoints: [path.join(root, 'src/config-keys.ts')], bundle: true, platform: 'node', format: 'cjs', write: false });
const mod = { exports: {} };
new Function('module', 'exports', bundled.outputFiles[0].text)(mod, mod.exports);
const keys = mod.exports.CONFIG_KEYS;

const table = ['| key | default | meaning |', '|---|---|---|', ...keys.map((k) => `| \`${k.name}\` | ${k.default} | ${k.description} |`)].join('\n');
const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const start = readme.indexOf('| key | default | meaning |');
const end = readme.indexOf('\n\n', start);
if (start < 0 || end < 0) throw new Error('README has no configuration table');
fs.writeFileSync(readmePath, readme.slice(0, start) + table + readme.slice(end));

const example = keys.map((k) => `# ${k.description}\n# default: ${k.default}\n# ${k.name}=\n`).join('\n');
fs.writeFileSync(path.join(root, '.env.example'), `# AFAS for Teams configuration. Copy to .env and uncomment what you need.\n# Every key is optional in demo mode (npm start with nothing set).\n\n${example}`);
process.stdout.write(`wrote ${keys.length} keys to README.md and .env.example\n`);
