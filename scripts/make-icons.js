#!/usr/bin/env node
// `node scripts/make-icons.js`: draws the Teams app icons into manifest/ (color.png 192x192,
// outline.png 32x32). `--check` draws them in memory and fails when the committed files differ.
// The emblem is a task card with a check mark and a signal dot; shapes are anti-aliased by
// supersampling, and the output is byte-for-byte deterministic.
const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

/** Must equal accentColor in manifest/manifest.json (a test compares them). */
const ACCENT = [0x1e, 0x5f, 0xb4];

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.max(left + radius, Math.min(right - radius, x));
  const cy = Math.max(top + radius, Math.min(bottom - radius, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** The emblem in a unit square (y down): a card with the check cut out, and a dot on its corner. */
function insideEmblem(x, y) {
  const dot = { x: 0.79, y: 0.21, r: 0.15, gap: 0.065 };
  const fromDot = Math.hypot(x - dot.x, y - dot.y);
  if (fromDot <= dot.r) return true;
  if (fromDot <= dot.r + dot.gap) return false;
  if (!insideRoundedRect(x, y, 0.12, 0.16, 0.8, 0.94, 0.13)) return false;
  const check = Math.min(distanceToSegment(x, y, 0.26, 0.6, 0.4, 0.74), distanceToSegment(x, y, 0.4, 0.74, 0.62, 0.5));
  return check > 0.062;
}

/** Fraction of the pixel (px, py) covered by the emblem drawn in the box [origin, origin + span]. */
function coverage(px, py, origin, span, samples) {
  let hits = 0;
  for (let sy = 0; sy < samples; sy += 1) {
    for (let sx = 0; sx < samples; sx += 1) {
      const x = (px + (sx + 0.5) / samples - origin) / span;
      const y = (py + (sy + 0.5) / samples - origin) / span;
      if (insideEmblem(x, y)) hits += 1;
    }
  }
  return hits / (samples * samples);
}

function draw(size, origin, span, samples, paint) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const rgba = paint(coverage(px, py, origin, span, samples));
      png.data.set(rgba, (py * size + px) * 4);
    }
  }
  return png;
}

/** The two icons as PNG files: { 'color.png': Buffer, 'outline.png': Buffer }. */
function renderIcons() {
  const color = draw(192, 38, 116, 8, (c) => [...ACCENT.map((v) => Math.round(v + (255 - v) * c)), 255]);
  const outline = draw(32, 1, 30, 16, (c) => [255, 255, 255, Math.round(255 * c)]);
  return {
    'color.png': PNG.sync.write(color, { colorType: 2 }),
    'outline.png': PNG.sync.write(outline, { colorType: 6 }),
  };
}

function main() {
  const dir = path.resolve(__dirname, '..', 'manifest');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, bytes] of Object.entries(renderIcons())) {
    const file = path.join(dir, name);
    if (check) {
      const same = fs.existsSync(file) && fs.readFileSync(file).equals(bytes);
      if (!same) stale += 1;
      process.stdout.write(`${same ? 'up to date' : 'DIFFERS'}  manifest/${name}\n`);
    } else {
      fs.writeFileSync(file, bytes);
      process.stdout.write(`wrote manifest/${name} (${bytes.length} bytes)\n`);
    }
  }
  if (stale > 0) {
    process.stderr.write('The committed icons differ from what scripts/make-icons.js draws: run `node scripts/make-icons.js`.\n');
    process.exit(1);
  }
}

if (require.main === module) main();

module.exports = { renderIcons, ACCENT };
