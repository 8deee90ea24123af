import { execFileSync } from 'node:child_process';
import path from 'node:path';

/*
 * The import zones in eslint.config.mjs encode STYLE.md's dependency rules. ESLint loads its config
 * with a dynamic import(), which Jest's module system refuses, so the ESLint API runs in a child node.
 */
const root = path.resolve(__dirname, '../..');

const LINT = `
import { ESLint } from 'eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

interface Case { filePath: string; source: string }

function boundaryMessages(cases: Case[]): string[][] {
  const input = cases.map(({ filePath, source }) => ({ filePath, code: `import { x } from '${source}';\nexport const y = x;\n` }));
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', LINT, JSON.stringify(input)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(stdout) as string[][];
}

const violations: (Case & { because: RegExp })[] = [
  { filePath: 'src/domain/work-item-rule.ts', source: 'axios', because: /src\/domain imports nothing outside src\/domain/ },
  { filePath: 'src/domain/i18n/catalogue.ts', source: '../../ports/clock', because: /src\/domain imports nothing outside/ },
  { filePath: 'src/ports/mailer.ts', source: '../afas/row-mapper', because: /src\/ports imports only src\/domain/ },
  { filePath: 'src/use-cases/reply.ts', source: 'botbuilder', because: /botbuilder \/ botframework-\* is imported only in bot/ },
  { filePath: 'src/use-cases/queue.ts', source: 'ioredis', because: /bullmq \/ ioredis is imported only in src\/queue/ },
  { filePath: 'src/use-cases/tab.ts', source: '@microsoft/teams-js', because: /teams-js is imported only in tab/ },
  { filePath: 'src/use-cases/admin/save.ts', source: '../../storage/sqlite-driver', because: /use cases import src\/domain and src\/ports/ },
  { filePath: 'src/http/routes.ts', source: '../../bot/bot-host', because: /adapters \(bot\/ among them\) do not import each other/ },
  { filePath: 'src/http/routes.ts', source: '../../tab/api-client', because: /does not import tab\// },
  { filePath: 'src/storage/store.ts', source: 'axios', because: /axios is imported only in src\/afas/ },
  { filePath: 'src/afas/client.ts', source: '../scheduler/backoff', because: /adapters do not import each other/ },
  { filePath: 'src/cli/command.ts', source: '../../bot/bot-host', because: /only the composition root/ },
  { filePath: 'src/dev/tool.ts', source: 'restify', because: /restify is imported only in src\/http and sandbox/ },
  { filePath: 'bot/cards/card.ts', source: '../../src/storage/sqlite-driver', because: /bot\/ is an adapter/ },
  { filePath: 'tab/views/view.ts', source: '../../src/ports/clock', because: /of the server it imports only src\/domain/ },
  { filePath: 'sandbox/routes/route.ts', source: '../../bot/bot-host', because: /AFAS sandbox stands alone/ },
];

const legal: Case[] = [
  { filePath: 'src/domain/i18n/catalogue.ts', source: '../user-preferences' },
  { filePath: 'src/ports/clock.ts', source: '../domain/work-item' },
  { filePath: 'src/use-cases/admin/save.ts', source: '../../ports/connection-store' },
  { filePath: 'src/afas/client.ts', source: 'axios' },
  { filePath: 'src/http/routes.ts', source: 'restify' },
  { filePath: 'src/http/routes.ts', source: '../../contracts/tab-api' },
  { filePath: 'tab/views/view.ts', source: '../../contracts/tab-api' },
  { filePath: 'src/composition/bot.ts', source: '../../bot/bot-host' },
  { filePath: 'src/main.ts', source: '../bot/bot-host' },
  { filePath: 'bot/dialogs/dialog.ts', source: 'botbuilder-dialogs' },
  { filePath: 'tab/views/view.ts', source: '../../src/domain/work-item' },
  { filePath: 'test/bot/transcript.test.ts', source: 'botbuilder' },
];

describe('import boundaries (eslint.config.mjs)', () => {
  const reported = boundaryMessages([...violations, ...legal]);

  test.each(violations.map((v, i) => [v.filePath, v.source, i] as const))('%s importing %s is reported', (_file, _source, i) => {
    expect(reported[i]).toHaveLength(1);
    expect(reported[i][0]).toMatch(violations[i].because);
  });

  test.each(legal.map((c, i) => [c.filePath, c.source, violations.length + i] as const))('%s importing %s is allowed', (_file, _source, i) => {
    expect(reported[i]).toEqual([]);
  });
});
