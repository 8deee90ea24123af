import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { checkIcons } from '../../src/app-package/icon-check';

const ROOT = join(__dirname, '..', '..');
const icon = (name: string) => ({ name, bytes: readFileSync(join(ROOT, 'manifest', name)) });

describe('the app icons', () => {
  it('are exactly what scripts/make-icons.js draws', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-icons.js'), '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('meet the Teams rules: color 192x192, outline 32x32 white on transparent', () => {
    expect(checkIcons(icon('color.png'), icon('outline.png'))).toEqual([]);
  });

  it('fill the color icon to the edge with the accent colour of the manifest, under a white emblem', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest', 'manifest.json'), 'utf8')) as { accentColor: string };
    const color = PNG.sync.read(icon('color.png').bytes);
    const hex = (x: number, y: number) => `#${[0, 1, 2].map((c) => color.data[(y * 192 + x) * 4 + c].toString(16).padStart(2, '0')).join('')}`.toUpperCase();
    expect([hex(0, 0), hex(191, 0), hex(0, 191), hex(191, 191)]).toEqual(Array(4).fill(manifest.accentColor));
    expect(hex(80, 80)).toBe('#FFFFFF');
  });

  it('leave the outline icon mostly transparent, with soft edges', () => {
    const outline = PNG.sync.read(icon('outline.png').bytes);
    const alphas = Array.from({ length: 32 * 32 }, (_, i) => outline.data[i * 4 + 3]);
    const share = (test: (a: number) => boolean) => alphas.filter(test).length / alphas.length;
    expect(share((a) => a === 0)).toBeGreaterThan(0.25);
    expect(share((a) => a === 255)).toBeGreaterThan(0.25);
    expect(share((a) => a > 0 && a < 255)).toBeGreaterThan(0.05);
  });
});
