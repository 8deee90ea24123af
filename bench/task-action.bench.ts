import { Child } from './support/child';
import { serveProduct, type ProductCommand } from './support/product-process';
import { fmt, machineLine, median, percentile } from './support/stats';
import { serveTurnEnds, type EndsCommand, type EndsStarted } from './support/turn-ends';

/**
 * Acting on a task from a card (issue 13), against the product as `npm start` runs it (startApp,
 * production JSON logging to /dev/null, SQLite) in a process of its own, with the far ends (AFAS
 * sandbox, fake Bot Connector) in another. A click is the `adaptiveCard/action` invoke of a task's
 * first button on a "my tasks" card, timed from the POST to the invoke response that carries the
 * updated card ("Approved by you at …"); its baseline is the "my tasks" turnaround (POST to the
 * reply at the connector) of a user with 50 tasks, measured in the same run, interleaved. Printed,
 * as medians of RUNS runs: p50/p99 of both and their ratio; AFAS calls per tasks-card page with
 * actions (target <= 3) and per click.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLICKS = Number(process.env.BENCH_SAMPLES ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const TENANT = 'bench-tenant';
const JAN = 'jan.devries@horizon-groep.example';
const ACTOR = 'bench.approver@horizon-groep.example';
/** The actor keeps this many open tasks: a card page is always the full 10 of a 50-task list. */
const OPEN_TASKS = 50;
const COUNT_PATTERN = '(\\d[\\d.,]*\\+?) open tasks?';

let seq = 0;

interface CardAction {
  readonly verb?: string;
  readonly data?: { s?: string; a?: number | string; g?: string };
}

class Driver {
  constructor(private readonly ends: Child<EndsCommand>, private readonly serviceUrl: string, private readonly endpoint: string) {}

  private activity(user: string, extra: Record<string, unknown>): string {
    return JSON.stringify({
      id: `t-${++seq}`, channelId: 'msteams', serviceUrl: this.serviceUrl, locale: 'en-US',
      from: { id: `29:${user}`, aadObjectId: user }, recipient: { id: '28:bot' },
      conversation: { id: `a:${user}`, tenantId: TENANT, conversationType: 'personal' }, channelData: { tenant: { id: TENANT } },
      ...extra,
    });
  }

  /** "my tasks": the POST, then the reply at the connector. */
  async myTasks(user: string): Promise<{ ms: number; count: string | null }> {
    const body = this.activity(user, { type: 'message', text: 'my tasks' });
    const id = (JSON.parse(body) as { id: string }).id;
    const started = performance.now();
    const res = await fetch(this.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`my tasks answered ${res.status}`);
    const count = await this.ends.call<string | null>({ op: 'reply', id, pattern: COUNT_PATTERN });
    return { ms: performance.now() - started, count };
  }

  /** "my tasks" for the actor, and the first button of each task on the card that has one. */
  async taskButtons(user: string): Promise<CardAction[]> {
    const body = this.activity(user, { type: 'message', text: 'my tasks' });
    const id = (JSON.parse(body) as { id: string }).id;
    const res = await fetch(this.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    await res.arrayBuffer();
    const card = await this.ends.call<unknown>({ op: 'replyCard', id });
    const firsts = new Map<string, CardAction>();
    for (const action of executeActions(card)) {
      if (action.verb === 'task.act' && action.data?.s && action.data.a === 0 && !firsts.has(action.data.s)) firsts.set(action.data.s, action);
    }
    return [...firsts.values()];
  }

  /** One click: the invoke, answered with the updated card in the HTTP response. */
  async click(user: string, action: CardAction): Promise<number> {
    const body = this.activity(user, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' } });
    const started = performance.now();
    const res = await fetch(this.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200 || !/ by you at \d/.test(text)) throw new Error(`the click was not answered with the acted card (${res.status}): ${text.slice(0, 300)}`);
    return ms;
  }
}

function executeActions(node: unknown): CardAction[] {
  if (Array.isArray(node)) return node.flatMap(executeActions);
  if (!node || typeof node !== 'object') return [];
  const own = (node as { type?: unknown }).type === 'Action.Execute' ? [node as CardAction] : [];
  return [...own, ...Object.values(node).flatMap(executeActions)];
}

interface Sample {
  readonly clicks: number[];
  readonly myTasks: number[];
  readonly callsPerPage: number;
  /** GetConnector reads per click (what AFAS offers now, the title). */
  readonly callsPerClick: number;
  readonly postsPerClick: number;
}

const afasCalls = async (ends: Child<EndsCommand>) => (await ends.call<number>({ op: 'afasCalls' })) + (await ends.call<number>({ op: 'afasActionCalls' }));

async function run(driver: Driver, ends: Child<EndsCommand>, clicks: number): Promise<Sample> {
  const sample = { clicks: [] as number[], myTasks: [] as number[], pageCalls: 0, pages: 0, clickCalls: 0, posts: 0 };
  while (sample.clicks.length < clicks) {
    const before = await afasCalls(ends);
    const buttons = await driver.taskButtons(ACTOR);
    sample.pageCalls += (await afasCalls(ends)) - before;
    sample.pages += 1;
    if (buttons.length === 0) throw new Error('the tasks card offers no actions');
    let clicked = 0;
    for (const button of buttons) {
      if (sample.clicks.length >= clicks) break;
      const calls0 = await afasCalls(ends);
      const posts0 = await ends.call<number>({ op: 'afasReactionPosts' });
      sample.clicks.push(await driver.click(ACTOR, button));
      sample.clickCalls += (await afasCalls(ends)) - calls0;
      sample.posts += (await ends.call<number>({ op: 'afasReactionPosts' })) - posts0;
      clicked += 1;
      const { ms, count } = await driver.myTasks('u0');
      if (count !== '50') throw new Error(`the baseline card is not the 50-task card (it says ${count})`);
      sample.myTasks.push(ms);
    }
    await ends.call({ op: 'addTasks', userId: ACTOR, count: clicked });
  }
  return { clicks: sample.clicks, myTasks: sample.myTasks, callsPerPage: sample.pageCalls / sample.pages, callsPerClick: sample.clickCalls / sample.clicks.length, postsPerClick: sample.posts / sample.clicks.length };
}

async function main(): Promise<void> {
  console.log(`machine: ${machineLine()}`);
  const ends = new Child<EndsCommand>('ends');
  const started = await ends.call<EndsStarted>({ op: 'start', users: { [JAN]: 50, [ACTOR]: OPEN_TASKS } });
  const product = new Child<ProductCommand>('product');
  try {
    const origin = await product.call<string>({ op: 'start', afasBaseUrl: started.baseUrl, databaseUrl: null });
    await product.call({
      op: 'activate',
      users: [
        { aadObjectId: 'u0', tenantId: TENANT, afasUserId: JAN, token: started.users[JAN].token },
        { aadObjectId: ACTOR, tenantId: TENANT, afasUserId: ACTOR, token: started.users[ACTOR].token },
      ],
    });
    const driver = new Driver(ends, started.connectorUrl, `${origin}/api/messages`);
    await run(driver, ends, WARMUP);
    const runs: Sample[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(driver, ends, CLICKS));
    const c50 = median(runs.map((r) => percentile(r.clicks, 50)));
    const c99 = median(runs.map((r) => percentile(r.clicks, 99)));
    const m50 = median(runs.map((r) => percentile(r.myTasks, 50)));
    const m99 = median(runs.map((r) => percentile(r.myTasks, 99)));
    console.log(`\n-- ${CLICKS} clicks per run (the first action of each task on a "my tasks" card, 10 a card), each followed by a "my tasks" turn of a user with 50 tasks; medians of ${RUNS} runs`);
    console.log(`click -> updated card  p50 ${fmt(c50)}  p99 ${fmt(c99)}`);
    console.log(`"my tasks" turnaround  p50 ${fmt(m50)}  p99 ${fmt(m99)};  ratio p50 ${(c50 / m50).toFixed(2)}  p99 ${(c99 / m99).toFixed(2)}`);
    console.log(`AFAS calls per tasks-card page with actions: ${median(runs.map((r) => r.callsPerPage)).toFixed(2)} (target <= 3)`);
    console.log(`AFAS calls per click: ${median(runs.map((r) => r.callsPerClick)).toFixed(2)} reads (what AFAS offers now, and the title) + ${median(runs.map((r) => r.postsPerClick)).toFixed(2)} POST (target: exactly 1)`);
  } finally {
    await product.call({ op: 'close' });
    product.kill();
    await ends.call({ op: 'close' });
    ends.kill();
  }
}

const role = process.env.BENCH_ROLE;
if (role === 'ends') serveTurnEnds();
else if (role === 'product') serveProduct();
else
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
