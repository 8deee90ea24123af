import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SilentLogger } from '../sandbox';
import { parseConfig } from '../src/config';
import { startApp } from '../src/main';
import { FakeBotConnector } from '../test/fakes/fake-bot-connector';
import { startEchoBot } from '../test/support/echo-bot';
import { fmt, machineLine, percentile } from './support/stats';

/**
 * "my tasks" turnaround: from POST /api/messages to the reply arriving at a local fake Bot
 * Connector, with the sandbox returning 50 tasks and no added latency, against an echo bot on the
 * same stack measured in the same run. Targets: p50 ratio ≤ 1.5, p99 ratio ≤ 2.0, ≥ 200 digests/s.
 */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const WARMUP = 50;
const THROUGHPUT_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TENANT = 'bench-tenant';
const JAN = 'jan.devries@horizon-groep.example';

async function main(): Promise<void> {
  const connector = new FakeBotConnector();
  const serviceUrl = await connector.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'afas-bench-'));
  const app = await startApp(parseConfig({ PORT: '0', DATA_DIR: dataDir, SANDBOX_SIGNAL_INTERVAL_SECONDS: '0', PLAYGROUND: 'false' }), { logger: new SilentLogger() });
  const echo = await startEchoBot();
  const sandbox = app.sandbox!;
  while ((await countTasks()) < 50) sandbox.addTask(JAN, {});
  for (let i = 0; i < CONCURRENCY; i++) {
    await app.storage.activations.save({ user: { tenantId: TENANT, aadObjectId: `u${i}` }, connectionId: 'default', afasUserId: JAN, activatedAt: new Date() }, sandbox.issueToken(JAN));
  }

  let seq = 0;
  async function turn(endpoint: string, user: number, text: string): Promise<number> {
    const id = `b-${++seq}`;
    const started = performance.now();
    const reply = connector.waitForReplyTo(id);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id, text, channelId: 'msteams', serviceUrl, locale: 'en-US',
        from: { id: `29:u${user}`, aadObjectId: `u${user}` }, recipient: { id: '28:bot' },
        conversation: { id: `a:u${user}`, tenantId: TENANT, conversationType: 'personal' }, channelData: { tenant: { id: TENANT } },
      }),
    });
    await res.arrayBuffer();
    const received = await reply;
    if (text === 'my tasks' && !JSON.stringify(received.activity).includes('50 open tasks')) throw new Error('the reply is not the 50-task card');
    return performance.now() - started;
  }
  async function countTasks(): Promise<number> {
    const token = sandbox.issueToken(JAN);
    const rows = await fetch(`${app.origin}/sandbox/afas/ProfitRestServices/connectors/Teams_Tasks?skip=0&take=1000&orderbyfieldids=guid_task`, { headers: { Authorization: `AfasToken ${Buffer.from(token).toString('base64')}` } });
    return ((await rows.json()) as { rows: unknown[] }).rows.length;
  }

  const productUrl = `${app.origin}/api/messages`;
  for (let i = 0; i < WARMUP; i++) {
    await turn(productUrl, 0, 'my tasks');
    await turn(echo.url, 0, 'hello');
  }
  const product: number[] = [];
  const baseline: number[] = [];
  for (let block = 0; block < SAMPLES / 50; block++) {
    for (let i = 0; i < 50; i++) product.push(await turn(productUrl, 0, 'my tasks'));
    for (let i = 0; i < 50; i++) baseline.push(await turn(echo.url, 0, 'hello'));
  }

  let done = 0;
  const deadline = performance.now() + THROUGHPUT_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_v, user) => {
      while (performance.now() < deadline) {
        await turn(productUrl, user, 'my tasks');
        done += 1;
      }
    }),
  );
  const perSecond = done / ((performance.now() - started) / 1000);

  const p50 = percentile(product, 50);
  const p99 = percentile(product, 99);
  const e50 = percentile(baseline, 50);
  const e99 = percentile(baseline, 99);
  console.log(`machine: ${machineLine()}`);
  console.log(`samples: ${product.length} "my tasks" (50 tasks) and ${baseline.length} echo turns, sequential, interleaved in blocks of 50`);
  console.log(`my tasks  p50 ${fmt(p50)}  p99 ${fmt(p99)}`);
  console.log(`echo      p50 ${fmt(e50)}  p99 ${fmt(e99)}`);
  console.log(`ratio     p50 ${(p50 / e50).toFixed(2)} (target <= 1.5)  p99 ${(p99 / e99).toFixed(2)} (target <= 2.0)`);
  console.log(`sustained ${perSecond.toFixed(0)} digests/s over ${THROUGHPUT_SECONDS} s with ${CONCURRENCY} concurrent users (target >= 200)`);

  await echo.close();
  await app.close();
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
