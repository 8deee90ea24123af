import { Child } from './support/child';
import { serveEcho, serveProduct, type ProductCommand } from './support/product-process';
import { fmt, machineLine, median, percentile } from './support/stats';
import { serveTurnEnds, type EndsCommand, type EndsStarted } from './support/turn-ends';

/**
 * "my tasks" turns against the product as `npm start` runs it (startApp, production JSON logging to
 * /dev/null, SQLite; then PostgreSQL when one answers), each in a process of its own: the product,
 * an echo bot on the same stack (restify + botbuilder) as the baseline, and the far ends (AFAS
 * sandbox, fake Bot Connector) in a third. A turn runs from POST /api/messages to the reply at the
 * connector. Printed, as medians of RUNS runs: latency p50/p99 against the echo bot; the product's
 * CPU per turn (its own process, so the sandbox's work is not in it) against the echo bot's; AFAS
 * calls per turn at 10, 50, 200 and 1,000 open tasks and the count the card shows.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const WARMUP = 50;
const THROUGHPUT_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 16;
const TENANT = 'bench-tenant';
const JAN = 'jan.devries@horizon-groep.example';
const SIZES: Record<string, number> = { 'bench.ten@horizon-groep.example': 10, 'bench.twohundred@horizon-groep.example': 200, 'bench.thousand@horizon-groep.example': 1000 };
const COUNT_PATTERN = '(\\d[\\d.,]*\\+?) open tasks?';
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let seq = 0;

class Driver {
  constructor(private readonly ends: Child<EndsCommand>, private readonly serviceUrl: string) {}

  /** One turn: the POST, then the reply at the connector; returns ms and, with a pattern, what it matched. */
  async turn(endpoint: string, user: string, text: string, pattern: string | null = null): Promise<{ ms: number; match: string | null }> {
    const id = `b-${++seq}`;
    const started = performance.now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id, text, channelId: 'msteams', serviceUrl: this.serviceUrl, locale: 'en-US',
        from: { id: `29:${user}`, aadObjectId: user }, recipient: { id: '28:bot' },
        conversation: { id: `a:${user}`, tenantId: TENANT, conversationType: 'personal' }, channelData: { tenant: { id: TENANT } },
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${endpoint} answered ${res.status}`);
    const match = await this.ends.call<string | null>({ op: 'reply', id, pattern });
    return { ms: performance.now() - started, match };
  }
}

interface Sample {
  readonly product: number[];
  readonly echo: number[];
  readonly productCpuPerTurn: number;
  readonly echoCpuPerTurn: number;
  readonly afasCallsPerTurn: number;
  readonly actionCallsPerTurn: number;
}

async function sequential(driver: Driver, ends: Child<EndsCommand>, product: { url: string; proc: Child<ProductCommand> }, echo: { url: string; proc: Child<ProductCommand> }): Promise<Sample> {
  const result: Sample = { product: [], echo: [], productCpuPerTurn: 0, echoCpuPerTurn: 0, afasCallsPerTurn: 0, actionCallsPerTurn: 0 };
  let productCpu = 0;
  let echoCpu = 0;
  let afasCalls = 0;
  let actionCalls = 0;
  for (let block = 0; block < SAMPLES / 50; block++) {
    const cpu0 = await product.proc.call<number>({ op: 'cpu' });
    const calls0 = await ends.call<number>({ op: 'afasCalls' });
    const actions0 = await ends.call<number>({ op: 'afasActionCalls' });
    for (let i = 0; i < 50; i++) {
      const { ms, match } = await driver.turn(product.url, 'u0', 'my tasks', COUNT_PATTERN);
      if (match !== '50') throw new Error(`the reply is not the 50-task card (it says ${match})`);
      result.product.push(ms);
    }
    productCpu += (await product.proc.call<number>({ op: 'cpu' })) - cpu0;
    afasCalls += (await ends.call<number>({ op: 'afasCalls' })) - calls0;
    actionCalls += (await ends.call<number>({ op: 'afasActionCalls' })) - actions0;
    const echo0 = await echo.proc.call<number>({ op: 'cpu' });
    for (let i = 0; i < 50; i++) result.echo.push((await driver.turn(echo.url, 'u0', 'hello')).ms);
    echoCpu += (await echo.proc.call<number>({ op: 'cpu' })) - echo0;
  }
  return { ...result, productCpuPerTurn: productCpu / result.product.length, echoCpuPerTurn: echoCpu / result.echo.length, afasCallsPerTurn: afasCalls / result.product.length, actionCallsPerTurn: actionCalls / result.product.length };
}

async function startProduct(ends: EndsStarted, databaseUrl: string | null): Promise<{ url: string; proc: Child<ProductCommand> }> {
  const proc = new Child<ProductCommand>('product');
  const origin = await proc.call<string>({ op: 'start', afasBaseUrl: ends.baseUrl, databaseUrl });
  const users = [
    ...Array.from({ length: CONCURRENCY }, (_v, i) => ({ aadObjectId: `u${i}`, tenantId: TENANT, afasUserId: JAN, token: ends.users[JAN].token })),
    ...Object.keys(SIZES).map((userId) => ({ aadObjectId: userId, tenantId: TENANT, afasUserId: userId, token: ends.users[userId].token })),
  ];
  await proc.call({ op: 'activate', users });
  return { url: `${origin}/api/messages`, proc };
}

async function postgresAnswers(url: string): Promise<boolean> {
  try {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${machineLine()}`);
  const ends = new Child<EndsCommand>('ends');
  const started = await ends.call<EndsStarted>({ op: 'start', users: { [JAN]: 50, ...SIZES } });
  const driver = new Driver(ends, started.connectorUrl);
  const echoProc = new Child<ProductCommand>('echo');
  const echo = { url: await echoProc.call<string>({ op: 'start', afasBaseUrl: '', databaseUrl: null }), proc: echoProc };
  const product = await startProduct(started, null);
  try {
    for (let i = 0; i < WARMUP; i++) {
      await driver.turn(product.url, 'u0', 'my tasks');
      await driver.turn(echo.url, 'u0', 'hello');
    }
    const runs: Sample[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await sequential(driver, ends, product, echo));
    const p50 = median(runs.map((r) => percentile(r.product, 50)));
    const e50 = median(runs.map((r) => percentile(r.echo, 50)));
    const p99 = median(runs.map((r) => percentile(r.product, 99)));
    const e99 = median(runs.map((r) => percentile(r.echo, 99)));
    const cpu = median(runs.map((r) => r.productCpuPerTurn));
    const echoCpu = median(runs.map((r) => r.echoCpuPerTurn));
    console.log(`\n-- sequential turns, ${SAMPLES} "my tasks" (50 tasks) and ${SAMPLES} echo turns per run, interleaved in blocks of 50; medians of ${RUNS} runs`);
    console.log(`latency   my tasks p50 ${fmt(p50)}  p99 ${fmt(p99)};  echo p50 ${fmt(e50)}  p99 ${fmt(e99)};  ratio p50 ${(p50 / e50).toFixed(2)}  p99 ${(p99 / e99).toFixed(2)}`);
    console.log(`CPU/turn  product ${fmt(cpu)} vs echo bot ${fmt(echoCpu)}: ratio ${(cpu / echoCpu).toFixed(2)} (target <= 2.0; each in its own process, the AFAS sandbox's work excluded)`);
    console.log(`AFAS calls per "my tasks" turn at 50 tasks: ${median(runs.map((r) => r.afasCallsPerTurn)).toFixed(2)} list read(s) (target 1) + ${median(runs.map((r) => r.actionCallsPerTurn)).toFixed(2)} reads of the page's task actions (issue 13: at most 2)`);

    console.log(`\n-- AFAS calls per "my tasks" turn and the count the card shows`);
    for (const [userId, wanted] of Object.entries(SIZES)) {
      const calls0 = await ends.call<number>({ op: 'afasCalls' });
      const actions0 = await ends.call<number>({ op: 'afasActionCalls' });
      let shown: string | null = null;
      for (let i = 0; i < 10; i++) shown = (await driver.turn(product.url, userId, 'my tasks', COUNT_PATTERN)).match;
      const perTurn = ((await ends.call<number>({ op: 'afasCalls' })) - calls0) / 10;
      const actionsPerTurn = ((await ends.call<number>({ op: 'afasActionCalls' })) - actions0) / 10;
      console.log(`${String(started.users[userId].tasks).padStart(5)} open tasks (asked ${wanted}): ${perTurn.toFixed(2)} list reads per turn (target 1) + ${actionsPerTurn.toFixed(2)} action reads; the card says "${shown} open tasks"`);
    }

    let done = 0;
    const deadline = performance.now() + THROUGHPUT_SECONDS * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_v, user) => {
        while (performance.now() < deadline) {
          await driver.turn(product.url, `u${user}`, 'my tasks');
          done += 1;
        }
      }),
    );
    console.log(`\n-- throughput: ${(done / ((performance.now() - t0) / 1000)).toFixed(0)} "my tasks" turns/s over ${THROUGHPUT_SECONDS} s, ${CONCURRENCY} Teams users at once, all linked to one AFAS user with 50 tasks`);

    if (await postgresAnswers(PG_URL)) {
      await product.proc.call({ op: 'close' });
      product.proc.kill();
      const pg = await startProduct(started, PG_URL);
      try {
        for (let i = 0; i < WARMUP; i++) await driver.turn(pg.url, 'u0', 'my tasks');
        const pgRuns: Sample[] = [];
        for (let run = 0; run < RUNS; run++) pgRuns.push(await sequential(driver, ends, pg, echo));
        const pg50 = median(pgRuns.map((r) => percentile(r.product, 50)));
        console.log(`\n-- PostgreSQL (${PG_URL.replace(/\/\/[^@]*@/, '//')}): my tasks p50 ${fmt(pg50)} vs SQLite ${fmt(p50)}: ratio ${(pg50 / p50).toFixed(2)} (target <= 1.2); CPU/turn ${fmt(median(pgRuns.map((r) => r.productCpuPerTurn)))}`);
      } finally {
        await pg.proc.call({ op: 'close' });
        pg.proc.kill();
      }
    } else {
      console.log(`\n-- PostgreSQL: none answers at ${PG_URL}; set BENCH_DATABASE_URL to compare`);
      await product.proc.call({ op: 'close' });
      product.proc.kill();
    }
  } finally {
    await echo.proc.call({ op: 'close' });
    echo.proc.kill();
    await ends.call({ op: 'close' });
    ends.kill();
  }
}

const role = process.env.BENCH_ROLE;
if (role === 'ends') serveTurnEnds();
else if (role === 'product') serveProduct();
else if (role === 'echo') serveEcho();
else
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
