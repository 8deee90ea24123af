import { fork, type ChildProcess } from 'node:child_process';
import { fmt, machineLine, median } from './support/stats';
import { NotificationRig } from './support/notification-rig';
import { serveRemoteEnds } from './support/remote-ends';
import { exactBoundMs } from './support/fan-out-bound';

/**
 * Proactive notifications end to end, in real time, with the product as main.ts builds it
 * (production JSON logging to /dev/null): every activated user has one new signal; the engine polls
 * the AFAS sandbox (50 ms added per call, at most 8 calls in flight per environment) and sends
 * through botbuilder to a fake Bot Connector that answers 429 above 50 requests in any 1-second
 * window per tenant. AFAS and the connector run in child processes: RSS and event-loop time are
 * the product's own.
 *
 * The bound is exact for that window rule: the k-th send of a tenant (0-based) cannot arrive before
 * floor(k / 50) s, nor before its user's poll, ceil((k + 1) / 8) × 50 ms; tenants run in parallel.
 * A run that loses or repeats a card fails the benchmark (exit code 1).
 */
const LATENCY_MS = 50;
const TEAMS_PER_SECOND = 50;
const AFAS_IN_FLIGHT = 8;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** No card for this long while some are missing: the rest is lost. */
const STALL_MS = 60_000;

interface RunResult {
  readonly ratio: number;
  readonly wallMs: number;
  readonly boundMs: number;
  readonly peakRssMb: number;
  readonly losses: number;
  readonly duplicates: number;
}

let failures = 0;

async function deliverAll(tenants: number, usersPerTenant: number, label: string): Promise<RunResult> {
  const total = tenants * usersPerTenant;
  const rig = await NotificationRig.start({ tenants, usersPerTenant, afasLatencyMs: LATENCY_MS, connectorPerSecond: TEAMS_PER_SECOND });
  try {
    const added = await rig.remote.newSignalForEveryone();
    const stack = rig.stack();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const startedAt = Date.now();
    await stack.engine.start();
    let seen = 0;
    let lastProgress = Date.now();
    while (seen < added && Date.now() - lastProgress < STALL_MS) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const count = await rig.remote.receivedCount();
      if (count > seen) lastProgress = Date.now();
      seen = count;
    }
    // Anything late (a duplicate) would arrive in the next seconds.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    clearInterval(sampler);
    await stack.engine.stop();

    const stats = await rig.remote.stats();
    const cards = stats.received.filter((r) => r.summary.startsWith('Nieuw signaal'));
    const wallMs = Math.max(...cards.map((r) => r.at)) - startedAt;
    const perConversation = new Map<string, number>();
    for (const r of cards) perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
    const duplicates = [...perConversation.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const losses = total - perConversation.size;
    const throttled = stats.requests.filter((r) => r.status === 429);
    const lateThrottled = throttled.filter((r) => r.at > startedAt + 1000);
    const pending = await rig.storage.deliveries.pending({ limit: 100_000 });
    const boundMs = exactBoundMs(usersPerTenant);
    const { counts } = stack.notifier;
    const unknown = Object.entries(counts.unknown).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
    const ratio = wallMs / boundMs;
    console.log(
      `${label}: ${(wallMs / 1000).toFixed(2)} s vs bound ${(boundMs / 1000).toFixed(2)} s, ratio ${ratio.toFixed(3)}; ` +
        `cards ${cards.length}/${added}, duplicates ${duplicates}, losses ${losses}, still to deliver ${pending.length}; ` +
        `429s ${throttled.length} (after the first second ${lateThrottled.length}); resent after an idle reset ${counts.resentAfterIdleReset}, unknown outcomes: ${unknown}; ` +
        `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
    );
    if (losses > 0 || duplicates > 0) failures += 1;
    return { ratio, wallMs, boundMs, peakRssMb: peakRss / 2 ** 20, losses, duplicates };
  } finally {
    await rig.close();
  }
}

async function scenario(tenants: number, usersPerTenant: number): Promise<void> {
  const bound = exactBoundMs(usersPerTenant);
  process.stdout.write(`\n-- ${tenants} tenant(s) × ${usersPerTenant} users, ${RUNS} runs; exact bound max(floor((${usersPerTenant} - 1) / ${TEAMS_PER_SECOND}) s, ceil(${usersPerTenant} / ${AFAS_IN_FLIGHT}) × ${LATENCY_MS} ms) = ${(bound / 1000).toFixed(2)} s\n`);
  const results: RunResult[] = [];
  for (let run = 1; run <= RUNS; run++) results.push(await deliverAll(tenants, usersPerTenant, `run ${run}`));
  console.log(
    `median of ${RUNS}: ratio ${median(results.map((r) => r.ratio)).toFixed(3)} (target <= 1.10), wall ${fmt(median(results.map((r) => r.wallMs)))}, ` +
      `peak RSS ${median(results.map((r) => r.peakRssMb)).toFixed(0)} MB (target <= 300), losses ${results.reduce((s, r) => s + r.losses, 0)}, duplicates ${results.reduce((s, r) => s + r.duplicates, 0)} (targets 0)`,
  );
}

/** A busy loop in another process, competing for the 2 cores as other load on the host would. */
function cpuHog(): ChildProcess {
  return fork(process.argv[1], [], { env: { ...process.env, CPU_HOG: '1' }, execArgv: ['--no-deprecation'] });
}

/**
 * Heap the product keeps per activated user after real polls and sends: 20 tenants × 1,000 users,
 * each with one new signal, polled and delivered through the real stack; heap after a full GC
 * minus the heap before the engine started, over the number of users.
 */
async function heapPerUser(tenants: number, usersPerTenant: number): Promise<void> {
  const users = tenants * usersPerTenant;
  process.stdout.write(`\n-- heap per activated user after real polls and sends: ${tenants} tenants × ${usersPerTenant} users (setting up...)\n`);
  const rig = await NotificationRig.start({ tenants, usersPerTenant, afasLatencyMs: 0, connectorPerSecond: TEAMS_PER_SECOND });
  try {
    const added = await rig.remote.newSignalForEveryone();
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const stack = rig.stack();
    await stack.engine.start();
    let seen = 0;
    let lastProgress = Date.now();
    while (seen < added && Date.now() - lastProgress < STALL_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const count = await rig.remote.receivedCount();
      if (count > seen) lastProgress = Date.now();
      seen = count;
    }
    gc?.();
    const after = process.memoryUsage().heapUsed;
    await stack.engine.stop();
    const losses = added - seen;
    if (losses > 0) failures += 1;
    console.log(`cards delivered ${seen}/${added} (losses ${losses}); heap before the engine ${(before / 2 ** 20).toFixed(1)} MB, after polling and sending ${(after / 2 ** 20).toFixed(1)} MB`);
    console.log(`heap per activated user: ${((after - before) / users).toFixed(0)} bytes (target <= 2048)`);
  } finally {
    await rig.close();
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${machineLine()}`);
  const users = Number(process.env.BENCH_USERS ?? 2000);
  await scenario(1, users);
  await scenario(10, Number(process.env.BENCH_USERS_PER_TENANT ?? 500));
  process.stdout.write(`\n-- with a CPU hog beside it (another process spinning on one core)\n`);
  const hog = cpuHog();
  try {
    await deliverAll(1, users, 'hog run');
  } finally {
    hog.kill();
  }
  await heapPerUser(Number(process.env.BENCH_MEMORY_TENANTS ?? 20), Number(process.env.BENCH_MEMORY_USERS_PER_TENANT ?? 1000));
  if (failures > 0) console.log(`\nFAILED: ${failures} run(s) lost or repeated cards`);
}

if (process.env.CPU_HOG) {
  for (;;) Math.sqrt(Math.random());
} else if (process.env.BENCH_ROLE) {
  serveRemoteEnds(process.env.BENCH_ROLE);
} else {
  main().then(
    () => process.exit(failures > 0 ? 1 : 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
