import { judgeDeliveries, type DeliveryReport } from '../../bench/support/scale-checks';
import { ScaleRig } from '../../bench/support/scale-rig';
import { buildChildBundle } from './support/child-bundle';

/*
 * The product as several replicas, judged from outside: each replica is startApp with REDIS_URL and
 * DATABASE_URL in a process of its own (a scratch database on the machine's PostgreSQL, a Redis
 * server of the test's own), the AFAS sandbox and the fake Bot Connector in processes of their own.
 * USERS users (2,000 unless SCALE_TEST_USERS says otherwise) in one tenant (one AFAS environment),
 * each with one new signal, all due at once: the fan-out takes about USERS / 47 s of Teams' budget
 * (some 45 s), the suite some 2.5 minutes on 2 cores.
 */
const USERS = Number(process.env.SCALE_TEST_USERS ?? 2000);
const AFAS_LATENCY_MS = 50;
const TEAMS_PER_SECOND = 50;
/** A dead replica's jobs come back after BullMQ's lock and the key's lock (15 s each) have lapsed. */
const STALL_MS = 45_000;
/** A card the killed replica had on the wire when it died can still arrive a moment later. */
const WIRE_MS = 250;

jest.setTimeout(240_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What `count` says once it says 0, or after `withinMs`. */
async function settled(count: () => Promise<number>, withinMs: number): Promise<number> {
  const end = Date.now() + withinMs;
  let left = await count();
  while (left > 0 && Date.now() < end) {
    await sleep(500);
    left = await count();
  }
  return left;
}
let script: string;

beforeAll(() => {
  script = buildChildBundle();
});

function conversations(rig: ScaleRig): string[] {
  return rig.users.map((user) => `a:${user.aadObjectId}`);
}

function describeReport(what: string, report: DeliveryReport, extra: string): string {
  return `${what}: ${report.cards} cards, losses ${report.losses}, duplicates ${report.duplicates}; ` +
    `most requests of the tenant in one second ${report.tenantPeak} (429s ${report.throttled}); conversations over a limit ${report.conversationsOverLimit.length}; ${extra}`;
}

describe('three replicas on PostgreSQL + Redis, one killed with SIGKILL mid fan-out', () => {
  let rig: ScaleRig | null = null;
  afterAll(async () => rig?.close());

  it('deliver every signal once (a repeat only from the killed replica\'s one-write window), keep Teams\' and AFAS\'s limits, and the survivors finish', async () => {
    rig = await ScaleRig.start({ tenants: 1, usersPerTenant: USERS, replicas: 3, afasLatencyMs: AFAS_LATENCY_MS, connectorPerSecond: TEAMS_PER_SECOND, script, logDir: process.env.SCALE_LOG_DIR });
    const { added, startedAt } = await rig.fanOut();
    expect(added).toBe(USERS);
    let killedAt = 0;
    let activeAtKill = 0;
    let looking = false;
    const victim = rig.replicas[0];
    const live = rig;
    // A third into the fan-out, at a moment when jobs are running (so that one is likely the victim's); by half way regardless.
    const seen = await rig.waitForCards(added, STALL_MS, (count) => {
      if (killedAt !== 0 || looking || count < added / 3) return;
      looking = true;
      void live.activeJobs().then((active) => {
        looking = false;
        if (killedAt !== 0 || (active === 0 && count < added / 2)) return;
        victim.kill('SIGKILL');
        killedAt = Date.now();
        activeAtKill = active;
      });
    });
    // A late repeat would arrive in the next seconds.
    await sleep(3000);
    const finishedAt = Date.now();
    // A card the killed replica sent without writing 'delivered' (the one-write window) is offered again by its recovered job.
    const pending = await settled(() => live.stillToDeliver(), STALL_MS);
    const report = judgeDeliveries(await rig.remote.stats(), conversations(rig));
    const inFlight = await rig.remote.maxInFlight();
    console.log(describeReport('kill test', report, `killed after ${((killedAt - startedAt) / 1000).toFixed(1)} s (jobs running on the replicas then: ${activeAtKill}), all in after ${((finishedAt - 3000 - startedAt) / 1000).toFixed(1)} s; AFAS most in flight ${inFlight.join(', ')}; still to deliver ${pending}; repeats inside the window ${report.duplicateFirstAt.length}; lost ${report.lost.join(' ')}`));

    expect(killedAt).toBeGreaterThan(0);
    expect(seen).toBeGreaterThanOrEqual(added);
    expect(report.losses).toBe(0);
    for (const firstAt of report.duplicateFirstAt) expect(firstAt).toBeLessThanOrEqual(killedAt + WIRE_MS);
    expect(report.tenantPeak).toBeLessThanOrEqual(TEAMS_PER_SECOND);
    expect(report.conversationsOverLimit).toEqual([]);
    expect(Math.max(...inFlight)).toBeLessThanOrEqual(8);
    expect(pending).toBe(0);
  });
});

describe('replicas when their Redis stops during the fan-out and comes back empty', () => {
  let rig: ScaleRig | null = null;
  afterAll(async () => rig?.close());

  it('lose nothing: after Redis returns, the jobs are rebuilt from storage and every signal arrives once', async () => {
    const users = Math.round(USERS * 2 / 3);
    rig = await ScaleRig.start({ tenants: 1, usersPerTenant: users, replicas: 2, afasLatencyMs: AFAS_LATENCY_MS, connectorPerSecond: TEAMS_PER_SECOND, script, logDir: process.env.SCALE_LOG_DIR });
    const { added, startedAt } = await rig.fanOut();
    const live = rig;
    let outage: Promise<void> | null = null;
    let stoppedAt = 0;
    await rig.waitForCards(added, STALL_MS, (count) => {
      if (outage === null && count >= added / 4) {
        outage = (async () => {
          await live.redis.stop();
          stoppedAt = Date.now();
          await sleep(3000);
          await live.redis.start();
        })();
      }
    });
    await outage;
    await sleep(3000);
    const report = judgeDeliveries(await rig.remote.stats(), conversations(rig));
    const pending = await rig.stillToDeliver();
    console.log(`${describeReport('Redis outage', report, `Redis stopped after ${((stoppedAt - startedAt) / 1000).toFixed(1)} s for 3 s; still to deliver ${pending}`)} (of ${users} users)`);

    expect(stoppedAt).toBeGreaterThan(0);
    expect(report.losses).toBe(0);
    expect(report.duplicates).toBe(0);
    expect(pending).toBe(0);
    // Redis forgot the slots it had booked; the rebuilt jobs start cold (paced slower), so the limits still hold.
    expect(report.tenantPeak).toBeLessThanOrEqual(TEAMS_PER_SECOND);
    expect(report.conversationsOverLimit).toEqual([]);
  });
});
