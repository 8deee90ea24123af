import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Import boundaries: STYLE.md's dependency rules ("The shape of the house"), as they hold today.
 * `no-restricted-imports` matches the import string as written, not the resolved file, so each zone
 * is expanded per folder depth into relative patterns ('../http' one level down, '../../http' two).
 * Flat config takes a rule's options from the last block that matches a file, so every block
 * carries its zone's full list; the general `src` zone comes first and the narrower zones after it.
 */

/** Each SDK is imported in exactly one folder (STYLE.md habit 2). Tests, bench and scripts may import any. */
const SDKS = [
  { name: 'botbuilder / botframework-*', regex: '^(botbuilder|botframework-[^/]+)(-[^/]+)?(/|$)', home: ['bot'] },
  { name: 'restify', regex: '^restify(-[^/]+)?(/|$)', home: ['src/http', 'sandbox'] },
  { name: 'axios', regex: '^axios(/|$)', home: ['src/afas'] },
  { name: 'oauth4webapi', regex: '^oauth4webapi(/|$)', home: ['src/afas'] },
  { name: 'bullmq / ioredis', regex: '^(bullmq|ioredis)(/|$)', home: ['src/queue'] },
  { name: 'pg', regex: '^pg(-[^/]+)?(/|$)', home: ['src/storage'] },
  { name: 'better-sqlite3', regex: '^better-sqlite3(/|$)', home: ['src/storage'] },
  { name: 'jose', regex: '^jose(/|$)', home: ['src/auth'] },
  { name: 'pino', regex: '^pino(-[^/]+)?(/|$)', home: ['src/logging'] },
  { name: 'prom-client', regex: '^prom-client(/|$)', home: ['src/metrics'] },
  { name: 'dotenv', regex: '^dotenv(/|$)', home: ['src/config.ts'] },
  { name: '@microsoft/teams-js', regex: '^@microsoft/teams-js(/|$)', home: ['tab'] },
  { name: '@microsoft/app-manifest / archiver', regex: '^(@microsoft/app-manifest|archiver)(/|$)', home: ['src/app-package'] },
];

/** Adapters import domain, ports and use cases, not each other (STYLE.md); only the composition root joins them. */
const ADAPTERS = ['src/afas', 'src/storage', 'src/scheduler', 'src/queue', 'src/http', 'bot'];
const ROOT = ['src/composition', 'src/main.ts'];
const SRC_FOLDERS = ['afas', 'app-package', 'auth', 'cli', 'clock', 'composition', 'dev', 'http', 'logging', 'metrics', 'net', 'queue', 'scheduler', 'secrets', 'storage', 'main.ts', 'server.ts', 'config.ts', 'config-keys.ts'].map((f) => `src/${f}`);
const OUTSIDE_SRC = ['bot', 'tab', 'sandbox'];
const but = (list, ...keep) => list.filter((f) => !keep.includes(f));

/**
 * A zone: the files under `path` (a folder or one file). `deny` lists repo paths they may not import;
 * `closed` zones may leave their folder only for the paths in `open`, and import no package at all.
 * `extra` adds package patterns on top of the SDKs whose home is elsewhere.
 */
const ZONES = [
  { path: 'src', deny: OUTSIDE_SRC, why: 'src/ does not import bot/, tab/ or sandbox/; only the composition root (src/composition, src/main.ts) joins them' },
  { path: 'src/domain', closed: true, open: [], why: 'src/domain imports nothing outside src/domain: types and pure rules, no I/O, no packages' },
  { path: 'src/ports', closed: true, open: ['src/domain'], why: 'src/ports imports only src/domain (and other ports)' },
  {
    path: 'src/use-cases',
    deny: [...SRC_FOLDERS, ...OUTSIDE_SRC, 'contracts'],
    // On top of the SDKs above (banned here since their home is elsewhere, the queue clients' in src/queue): the rest of @microsoft/*.
    extra: [{ name: 'no SDK', regex: '^@microsoft/(?!(teams-js|app-manifest)(/|$))' }],
    why: 'use cases import src/domain and src/ports, never an SDK or an adapter',
  },
  ...['src/afas', 'src/storage', 'src/scheduler', 'src/queue'].map((a) => ({ path: a, deny: [...but(ADAPTERS, a), ...ROOT, ...OUTSIDE_SRC], why: 'adapters do not import each other, nor bot/, tab/ or sandbox/' })),
  { path: 'src/http', deny: [...but(ADAPTERS, 'src/http'), ...ROOT, ...OUTSIDE_SRC], why: 'adapters (bot/ among them) do not import each other nor sandbox/; src/ does not import tab/ (the wire contracts are in contracts/)' },
  ...['src/auth', 'src/logging', 'src/metrics', 'src/app-package'].map((p) => ({ path: p, deny: OUTSIDE_SRC, why: 'src/ does not import bot/, tab/ or sandbox/' })),
  { path: 'src/config.ts', deny: OUTSIDE_SRC, why: 'src/ does not import bot/, tab/ or sandbox/' },
  ...ROOT.map((r) => ({ path: r, deny: ['tab'], why: 'the composition root may join bot/ and sandbox/ to src/, but the browser app stays apart' })),
  { path: 'bot', deny: [...but(ADAPTERS, 'bot'), ...ROOT, 'tab', 'sandbox'], why: 'bot/ is an adapter: it imports domain, ports and use cases, not other adapters, tab/ or sandbox/' },
  { path: 'tab', deny: [...SRC_FOLDERS, 'src/ports', 'src/use-cases', 'bot', 'sandbox'], why: 'tab/ is bundled for the browser: of the server it imports only src/domain' },
  { path: 'contracts', deny: [...SRC_FOLDERS, 'src/ports', 'src/use-cases', ...OUTSIDE_SRC], why: 'contracts/ is the wire format the server and the tab share: zod schemas and src/domain types only' },
  { path: 'sandbox', deny: [...ROOT, 'bot', 'tab'], why: 'the AFAS sandbox stands alone: it imports domain and ports, not the bot, the tab or the composition root' },
];

const MAX_DEPTH = 4;
const EXTENSIONS = '{ts,tsx,js,mjs,cjs}';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const covers = (home, zone) => zone === home || zone.startsWith(`${home}/`);

function sdkPatterns(zone) {
  return SDKS.filter((sdk) => !sdk.home.some((h) => covers(h, zone.path))).map((sdk) => ({
    regex: sdk.regex,
    message: `${sdk.name} is imported only in ${sdk.home.join(' and ')} (STYLE.md: each SDK in exactly one folder).`,
  }));
}

/** The patterns for one zone, seen from a file in `dir` (a path with '_' standing for any folder name). */
function zonePatterns(zone, dir, depth) {
  const rel = (target) => {
    const r = path.posix.relative(dir, target.replace(/\.ts$/, ''));
    return r.startsWith('.') ? r : `./${r}`;
  };
  const message = `${zone.why} (STYLE.md).`;
  if (zone.closed) {
    const open = zone.open.map((o) => `${escape(rel(o))}(/|$)`);
    const leaving = `(\\.\\./){${depth}}\\.\\.(/|$)`;
    return [
      { regex: open.length ? `^(?!${open.join('|')})${leaving}` : `^${leaving}`, message },
      { regex: '^[^.]', message },
    ];
  }
  const denied = [...new Set(zone.deny)].map((d) => ({ regex: `^${escape(rel(d))}(/|$)`, message }));
  const excepted = Object.entries(zone.denyExcept ?? {}).map(([d, allowed]) => ({
    regex: `^${escape(rel(d))}(/|$)(?!(${allowed.map((a) => escape(path.posix.relative(d, a))).join('|')})$)`,
    message,
  }));
  return [...denied, ...excepted, ...sdkPatterns(zone), ...(zone.extra ?? []).map((e) => ({ regex: e.regex, message: `${message} (${e.name})` }))];
}

function boundaryBlocks() {
  const blocks = [];
  for (const zone of ZONES) {
    const isFile = /\.ts$/.test(zone.path);
    const depths = isFile ? [0] : Array.from({ length: MAX_DEPTH + 1 }, (_, d) => d);
    for (const depth of depths) {
      const dir = isFile ? path.posix.dirname(zone.path) : [zone.path, ...Array(depth).fill('_')].join('/');
      const files = isFile ? [zone.path] : [`${zone.path}/${'*/'.repeat(depth)}*.${EXTENSIONS}`];
      blocks.push({ name: `boundaries/${zone.path}/${depth}`, files, rules: { 'no-restricted-imports': ['error', { patterns: zonePatterns(zone, dir, depth) }] } });
    }
  }
  return blocks;
}

for (const sdk of SDKS) {
  for (const home of sdk.home) {
    if (!ZONES.some((z) => z.path === home)) throw new Error(`eslint.config.mjs: ${sdk.name} lives in ${home}, which has no zone`);
  }
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'build/**', 'coverage/**', 'data/**', 'tab/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...boundaryBlocks(),
);
