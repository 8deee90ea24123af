import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AA_NORMAL_TEXT, contrastRatio } from '../support/contrast';

const CSS = readFileSync(join(__dirname, '..', '..', 'tab', 'styles.css'), 'utf8');

/** The custom properties of one theme block (`:root` or `[data-theme='dark']`), over those of `:root`. */
function themeColours(selector: string): Record<string, string> {
  const read = (sel: string) => {
    const start = CSS.indexOf(`${sel} {`);
    if (start < 0) throw new Error(`no ${sel} block in styles.css`);
    const block = CSS.slice(start, CSS.indexOf('}', start));
    return Object.fromEntries(Array.from(block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,8})\s*;/gi), (m) => [m[1], m[2]]));
  };
  return { ...read(':root'), ...read(selector) };
}

/** Text colours and the surfaces the tab shows them on. */
const PAIRS: readonly [text: string, backgrounds: readonly string[]][] = [
  ['good-text', ['bg', 'surface']],
  ['error-text', ['bg', 'surface', 'error-bg']],
  ['text', ['bg', 'surface', 'warning-bg', 'error-bg']],
  ['text-subtle', ['bg', 'surface']],
  ['brand-text', ['bg', 'surface']],
];

/** WCAG AA: the tab's success ("Done", "Saved") and other text reach 4.5:1 in every Teams theme. */
describe.each([':root', "[data-theme='dark']", "[data-theme='contrast']"])('the tab\'s text colours in %s', (theme) => {
  const colours = themeColours(theme);
  it.each(PAIRS)('--%s reaches 4.5:1 on its backgrounds', (text, backgrounds) => {
    const ratios = backgrounds.map((bg) => ({ on: bg, ratio: contrastRatio(colours[text], colours[bg]) }));
    expect(ratios.filter((r) => r.ratio < AA_NORMAL_TEXT)).toEqual([]);
  });
});
