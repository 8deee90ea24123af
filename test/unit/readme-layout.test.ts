import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The code block of the README's "Layout" section, one folder or file a line. */
function layoutBlock(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Layout\n'));
  const block = section?.match(/```\n([\s\S]*?)```/)?.[1];
  if (block === undefined) throw new Error('README.md has no "## Layout" section with a code block');
  return block;
}

/** Names the layout gives at the start of a line, at the indent of src/'s entries (two spaces) or at the top. */
function named(block: string, indent: string): string[] {
  return [...block.matchAll(new RegExp(`^${indent}([a-z0-9.-]+/?)\\s`, 'gm'))].map((m) => m[1]);
}

const folders = (dir: string) => readdirSync(join(root, dir), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${e.name}/`);

describe("the README's Layout section", () => {
  const block = layoutBlock();

  test('names every top-level folder of src/, one line each', () => {
    expect(folders('src').filter((f) => !named(block, '  ').includes(f))).toEqual([]);
  });

  test('names no folder of src/ that is gone', () => {
    const listed = named(block, '  ').filter((f) => f.endsWith('/'));
    expect(listed.filter((f) => !folders('src').includes(f))).toEqual([]);
  });

  test('names the other code folders: bot/, tab/, contracts/, sandbox/, bench/, scripts/, test/', () => {
    const top = named(block, '');
    for (const folder of ['src/', 'bot/', 'tab/', 'contracts/', 'sandbox/', 'bench/', 'scripts/', 'test/']) expect(top).toContain(folder);
  });
});
