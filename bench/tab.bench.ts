import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PLAYGROUND_PEOPLE, PLAYGROUND_TENANT_ID } from '../src/dev/playground-identities';
import { launchChromium } from '../test/support/chromium';
import { startTabApp } from '../test/support/tab-harness';
import { machineLine, percentile } from './support/stats';

/** npm run bench runs from the repository root. */
const TAB_DIST = join(process.cwd(), 'tab', 'dist');

/**
 * The tab's weight and speed: the gzip size of its JavaScript and CSS (and what Chromium actually
 * transferred), and the time from navigating to the development host until the tile shows 50
 * items, in headless Chromium with a cold cache, median of 10. Targets: ≤ 250 KB gzip, ≤ 1 s.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const ITEMS = 50;
const JAN = 'jan.devries@horizon-groep.example';
const KB = 1024;

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'build-tab.js')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:tab failed');
  process.stdout.write(`${machineLine()}\n\nsize (built files, gzip -9 as the server sends them)\n`);
  let gzipTotal = 0;
  for (const name of ['app.js', 'app.css', 'index.html']) {
    const raw = readFileSync(join(TAB_DIST, name));
    const gz = gzipSync(raw, { level: 9 }).length;
    if (name !== 'index.html') gzipTotal += gz;
    process.stdout.write(`  ${name.padEnd(11)} ${(raw.length / KB).toFixed(1).padStart(7)} KB raw ${(gz / KB).toFixed(1).padStart(7)} KB gzip\n`);
  }
  process.stdout.write(`  JS + CSS    ${(gzipTotal / KB).toFixed(1).padStart(22)} KB gzip   target ≤ 250 KB: ${gzipTotal <= 250 * KB ? 'met' : 'MISSED'}\n`);

  const app = await startTabApp();
  const jan = PLAYGROUND_PEOPLE[0];
  await app.storage.activations.save({ user: { tenantId: PLAYGROUND_TENANT_ID, aadObjectId: jan.aadObjectId }, connectionId: 'default', afasUserId: JAN, activatedAt: new Date() }, app.sandbox.issueToken(JAN));
  for (let i = 0; i < ITEMS; i++) app.sandbox.addTask(JAN, {});
  const times: number[] = [];
  const inFrame: number[] = [];
  let transferred = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const chromium = await launchChromium();
      try {
        const page = await chromium.context.newPage();
        const sizes: Promise<number>[] = [];
        page.on('requestfinished', (request) => {
          if (/\/tab\/app\.(js|css)$/.test(request.url())) sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
        });
        const started = performance.now();
        await page.goto(`${app.origin}/dev/?person=0&list=tasks`);
        const frame = await (await page.waitForSelector('#tab')).contentFrame();
        if (!frame) throw new Error('no tab frame');
        // Strings, not functions: this file is compiled without the DOM library, the page has it.
        // A function, not a string: the tab's CSP forbids eval, which Playwright uses for string predicates.
        await frame.waitForFunction((n: number) => (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } }).document.querySelectorAll('.item').length >= n, ITEMS, { polling: 'raf', timeout: 30_000 });
        times.push(performance.now() - started);
        inFrame.push(Number(await frame.evaluate('performance.now()')));
        transferred = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      } finally {
        await chromium.close();
      }
    }
  } finally {
    await app.stop();
  }
  process.stdout.write(`  transferred by Chromium for app.js + app.css (headers included): ${(transferred / KB).toFixed(1)} KB\n`);
  const median = percentile(times, 50);
  process.stdout.write(`\ntime to a tile with ${ITEMS} items, headless Chromium, cold cache, ${RUNS} runs\n`);
  process.stdout.write(`  from navigating to /dev/:    median ${median.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms   target ≤ 1000 ms: ${median <= 1000 ? 'met' : 'MISSED'}\n`);
  process.stdout.write(`  of which inside the tab frame: median ${percentile(inFrame, 50).toFixed(0)} ms (frame navigation start to the 50th item)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
