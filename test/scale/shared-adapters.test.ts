import { RedisConnections } from '../../src/queue/redis-connection';
import { BullMqJobQueue } from '../../src/queue/bullmq-job-queue';
import { RedisSendBudget } from '../../src/queue/redis-send-budget';
import { RedisCallLimiter } from '../../src/queue/redis-call-limiter';
import { RedisClaimStore } from '../../src/queue/redis-claim-store';
import { RedisAfasAvailability } from '../../src/queue/redis-afas-availability';
import { Semaphore } from '../../src/afas/semaphore';
import { SystemClock } from '../../src/clock/system-clock';
import { TEAMS_BUDGET } from '../../src/scheduler/in-memory-send-budget';
import type { QueuedJob } from '../../src/ports/job-queue';
import { createPinoLogger } from '../../src/logging/pino-logger';
import { TestRedis } from '../support/redis-server';

jest.setTimeout(30_000);

const logger = createPinoLogger('fatal', 'json');
const clock = new SystemClock();
let redis: TestRedis;
const open: RedisConnections[] = [];
const queues: BullMqJobQueue<unknown>[] = [];

/** One "replica": its own connections, as a second process would have. */
async function replica(): Promise<RedisConnections> {
  const connections = new RedisConnections(redis.url, logger);
  open.push(connections);
  await connections.ready();
  return connections;
}

function queueOn(connections: RedisConnections, lockMs = 3000): BullMqJobQueue<{ n: number; at: Date }> {
  const queue = new BullMqJobQueue<{ n: number; at: Date }>({ connections, clock, prefix: 't', lanes: { default: 8 }, onError: () => undefined, lockMs });
  queues.push(queue as BullMqJobQueue<unknown>);
  return queue;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

beforeAll(async () => {
  redis = await TestRedis.start();
});

afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.close()));
  await Promise.all(open.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await redis.stop();
});

describe('the shared job queue (BullMQ)', () => {
  it('runs a key once on one of two replicas, with its data (Dates too) as scheduled, and replaces a queued job', async () => {
    const [a, b] = [queueOn(await replica()), queueOn(await replica())];
    const seen: QueuedJob<{ n: number; at: Date }>[] = [];
    a.start(async (job) => void seen.push(job));
    b.start(async (job) => void seen.push(job));
    const at = new Date('2026-01-02T03:04:05.678Z');
    await a.schedule('u/t1/one', new Date(Date.now() + 300), { n: 1, at });
    await b.schedule('u/t1/one', new Date(Date.now() + 300), { n: 2, at });
    expect(await a.has('u/t1/one')).toBe(true);
    await until(() => seen.length >= 1);
    await sleep(500);
    expect(seen.map((j) => j.data.n)).toEqual([2]);
    expect(seen[0].data.at).toEqual(at);
    expect(await b.has('u/t1/one')).toBe(false);
    expect(await b.size()).toBe(0);
  });

  it('never runs two jobs of one key at once across replicas: a job rescheduled for now waits for the running one', async () => {
    const [a, b] = [queueOn(await replica()), queueOn(await replica())];
    let running = 0;
    let most = 0;
    let runs = 0;
    const handler = (queue: BullMqJobQueue<{ n: number; at: Date }>) => async (job: QueuedJob<{ n: number; at: Date }>) => {
      running += 1;
      most = Math.max(most, running);
      runs += 1;
      if (job.data.n < 5) await queue.schedule(job.key, new Date(), { n: job.data.n + 1, at: job.data.at });
      await sleep(150);
      running -= 1;
    };
    a.start(handler(a));
    b.start(handler(b));
    await a.schedule('u/t1/two', new Date(), { n: 1, at: new Date() });
    await until(() => runs >= 5 && running === 0);
    expect(most).toBe(1);
  });

  /**
   * A replica runs the job of `key` (doing `before` first, then never finishing) and dies: its
   * connections drop without finishing the job. Resolves with what a second replica is handed.
   */
  async function diesMidJob(key: string, n: number, before: (dying: RedisConnections) => Promise<unknown> = async () => undefined) {
    const dying = await replica();
    const doomed = queueOn(dying, 2000);
    let started = false;
    let finish = () => undefined as void;
    doomed.start(async () => {
      await before(dying);
      started = true;
      // Does not finish before the survivor has run the job again (then it ends, so nothing is left running).
      await new Promise<void>((resolve) => (finish = resolve));
    });
    await doomed.schedule(key, new Date(), { n, at: new Date() });
    await until(() => started);
    dying.commands.disconnect();
    (doomed as unknown as { workers: { close(force: boolean): Promise<void> }[] }).workers.forEach((w) => void w.close(true));
    const survivor = queueOn(await replica(), 2000);
    const again: QueuedJob<{ n: number; at: Date }>[] = [];
    survivor.start(async (job) => void again.push(job));
    await until(() => again.length === 1, 20_000);
    finish();
    return again[0];
  }

  it('hands a job out again, marked recovered, when the replica running it dies', async () => {
    const again = await diesMidJob('u/t1/three', 7);
    expect(again.data.n).toBe(7);
    expect(again.recovered).toBe(true);
  });

  it('hands the job out again when its replica died after pointing the key at a next job it never added', async () => {
    // The replica points the key at its next job (the first step of `schedule`) and dies before adding it.
    const again = await diesMidJob('u/t1/four', 9, (dying) => dying.commands.hset('t:jq:current', 'u/t1/four', 'default|u%2Ft1%2Ffour#never-added'));
    expect(again.data.n).toBe(9);
    expect(again.recovered).toBe(true);
  });
});

describe('shared limits and claims', () => {
  it('books Teams slots for one tenant from two replicas without ever more than 50 in a second, or 7 per conversation', async () => {
    const budgets = [new RedisSendBudget((await replica()).commands, 'b', TEAMS_BUDGET), new RedisSendBudget((await replica()).commands, 'b', TEAMS_BUDGET)];
    const now = new Date();
    const slots: number[] = [];
    const conversationSlots: number[] = [];
    for (let i = 0; i < 200; i++) {
      const grant = await budgets[i % 2].reserve('tenant', `c${i % 20}`, now);
      if (grant.booked) slots.push(grant.at.getTime());
    }
    for (let i = 0; i < 12; i++) {
      const grant = await budgets[i % 2].reserve('tenant2', 'one-chat', now);
      if (grant.booked) conversationSlots.push(grant.at.getTime());
    }
    slots.sort((x, y) => x - y);
    for (let i = 50; i < slots.length; i++) expect(slots[i] - slots[i - 50]).toBeGreaterThanOrEqual(1000);
    expect(conversationSlots.filter((t) => t < now.getTime() + 1000).length).toBeLessThanOrEqual(7);
    expect(await budgets[1].tenantBookedUntil('tenant')).toEqual(new Date(Math.ceil(slots[slots.length - 1])));
    await budgets[0].pauseTenant('tenant', new Date(now.getTime() + 60_000));
    expect(await budgets[1].tenantPausedUntil('tenant', now)).toEqual(new Date(now.getTime() + 60_000));
  });

  it('keeps AFAS at 8 calls in flight per environment across replicas', async () => {
    const limiters = await Promise.all([0, 1, 2].map(async () => new RedisCallLimiter({ redis: (await replica()).commands, key: 'l:env', capacity: 8, slotTtlMs: 10_000, fallback: new Semaphore(8), logger })));
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        limiters[i % 3].run(async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await sleep(20);
          inFlight -= 1;
        }),
      ),
    );
    expect(most).toBe(8);
  });

  it('lets one replica claim an activity id or welcome, and pauses an AFAS environment for all', async () => {
    const [a, b] = [await replica(), await replica()];
    const claims = [new RedisClaimStore(a.commands, 'c:', logger), new RedisClaimStore(b.commands, 'c:', logger)];
    expect(await claims[0].claim('inbound/x', 10_000)).toBe(true);
    expect(await claims[1].claim('inbound/x', 10_000)).toBe(false);
    await claims[1].release('inbound/x');
    expect(await claims[0].claim('inbound/x', 10_000)).toBe(true);
    const until = new Date(Date.now() + 30_000);
    await new RedisAfasAvailability(a.commands, 'p', clock, logger).pause('https://X/ProfitRestServices', until);
    expect(await new RedisAfasAvailability(b.commands, 'p', clock, logger).pausedUntil('https://x/profitrestservices', new Date())).toEqual(until);
  });

  it('answers claims from this replica when Redis is away (the chat keeps working)', async () => {
    const gone = new RedisConnections('redis://127.0.0.1:1', logger);
    open.push(gone);
    expect(await new RedisClaimStore(gone.commands, 'c:', logger).claim('inbound/y', 1000)).toBe(true);
  });
});
