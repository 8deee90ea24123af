import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Docker does not run on the build machines, so the Dockerfile is checked as text.
const ROOT = join(__dirname, '..', '..');

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** Instructions with line continuations joined and comments dropped, grouped by stage. */
function stages(text: string): Instruction[][] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const instructions = joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
  const result: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') result.push([]);
    result[result.length - 1]?.push(instruction);
  }
  return result;
}

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const all = stages(dockerfile);
const runtime = all[all.length - 1];
const runtimeOf = (keyword: string) => runtime.filter((i) => i.keyword === keyword);

describe('the Dockerfile', () => {
  it('builds in several stages on Node 22 slim (Node 20 reached end of life) and runs on it too', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const stage of all) expect(stage[0].args).toMatch(/^(node:22-bookworm-slim|toolchain|build|deps)\b/);
    expect(runtime[0].args).toMatch(/^node:22-bookworm-slim\b/);
  });

  it('installs with npm ci only: dev dependencies to build, --omit=dev for what runs', () => {
    const runs = all.flat().filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.filter((args) => /\bnpm (install|i)\b/.test(args))).toEqual([]);
    expect(runs.some((args) => /\bnpm ci\b(?!.*--omit=dev)/.test(args))).toBe(true);
    expect(runs.some((args) => /\bnpm ci\b.*--omit=dev/.test(args))).toBe(true);
    expect(runs.some((args) => /python3/.test(args) && /make/.test(args) && /g\+\+/.test(args))).toBe(true);
  });

  it('runs as a user that is not root', () => {
    const users = runtimeOf('USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('checks /healthz with node, since the slim image has no curl', () => {
    const [check] = runtimeOf('HEALTHCHECK');
    expect(check?.args).toMatch(/CMD \["node", "-e", ".*\/healthz/);
    expect(check?.args).not.toMatch(/curl|wget/);
  });

  it('starts dist/src/server.js with node directly, so SIGTERM reaches it', () => {
    const cmds = runtimeOf('CMD');
    expect(cmds).toHaveLength(1);
    expect(JSON.parse(cmds[0].args)).toEqual(['node', 'dist/src/server.js']);
    expect(runtimeOf('ENTRYPOINT')).toEqual([]);
  });

  it('keeps DATA_DIR on a volume', () => {
    const dataDir = /DATA_DIR=(\S+)/.exec(runtimeOf('ENV').map((i) => i.args).join(' '))?.[1];
    expect(dataDir).toBeDefined();
    expect(runtimeOf('VOLUME').map((i) => i.args).join(' ')).toContain(`"${dataDir}"`);
  });

  it('is not sent node_modules, .git, local data or secrets by .dockerignore', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split(/\r?\n/).map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.git', 'data', '.env', 'dist']));
  });
});
