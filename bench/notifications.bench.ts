import { fmt, machineLine } from './support/stats';
import { NotificationRig } from './support/notification-rig';
import { serveRemoteEnds } from './support/remote-ends';
import { schedulerBytesPerUser } from './support/scheduler-memory';

/**
 * Proactive notifications end to end, in real time: every activated user has one new signal; the
 * engine polls the AFAS sandbox (50 ms added per call, at most 8 calls in flight per environment)
 * and sends through botbuilder to a fake Bot Connector that answers 429 above 50 requests/s per
 * tenant. Prints the wall time to deliver all against the theoretical bound
 * max(users / 50 per s, users × 50 ms / 8) per tenant (tenants run in parallel, each with its own
 * AFAS environment), duplicates, losses, 429s and peak RSS; then the heap the scheduler holds per
 * activated user at 100,000 users. Targets: ratio ≤ 1.10, no duplicates, no losses, no 429 after
 * the first second, peak RSS ≤ 300 MB, ≤ 2 KB per user. Figures only: nothing here fails.
 * AFAS and the connector run in a child process: RSS and event-loop time are the product's own.
 */
const LATENCY_MS = 50;
const TEAMS_PER_SECOND = 50;
const AFAS_IN_FLIGHT = 8;

async function deliverAll(tenants: number, usersPerTenant: number): Promise<void> {
  const total = tenants * usersPerTenant;
  process.stdout.write(`\n-- ${tenants} tenant(s) × ${usersPerTenant} users: setting up (provisioning sandbox users, first polls recorded as seen)...\n`);
  const rig = await NotificationRig.start({ tenants, usersPerTenant, afasLatencyMs: LATENCY_MS, connectorPerSecond: TEAMS_PER_SECOND });
  try {
    const added = await rig.remote.newSignalForEveryone();
    const engine = rig.engine();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const startedAt = Date.now();
    const started = performance.now();
    await engine.start();
    while ((await rig.remote.receivedCount()) < added && performance.now() < started + 15 * 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Anything late (a duplicate) would arrive in the next seconds.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    clearInterval(sampler);
    await engine.stop();

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
    const boundMs = Math.max(usersPerTenant / TEAMS_PER_SECOND, (usersPerTenant * LATENCY_MS) / 1000 / AFAS_IN_FLIGHT) * 1000;

    console.log(`signals added: ${added}; item cards received: ${cards.length}; requests to the connector: ${stats.requests.length}`);
    console.log(`wall time to deliver all: ${fmt(wallMs)} (${(wallMs / 1000).toFixed(2)} s)`);
    console.log(`theoretical bound: max(${usersPerTenant} / ${TEAMS_PER_SECOND} per s, ${usersPerTenant} × ${LATENCY_MS} ms / ${AFAS_IN_FLIGHT}) = ${(boundMs / 1000).toFixed(2)} s per tenant, tenants in parallel`);
    console.log(`ratio: ${(wallMs / boundMs).toFixed(3)} (target <= 1.10)`);
    console.log(`duplicates: ${duplicates}  losses: ${losses}  still to deliver in the ledger: ${pending.length} (targets 0)`);
    const when = throttled.length > 0 ? ` (between ${((Math.min(...throttled.map((r) => r.at)) - startedAt) / 1000).toFixed(2)} s and ${((Math.max(...throttled.map((r) => r.at)) - startedAt) / 1000).toFixed(2)} s)` : '';
    console.log(`429s received: ${throttled.length}${when}, after the first second: ${lateThrottled.length} (target 0 after the first second)`);
    console.log(`peak RSS of the product process during delivery: ${(peakRss / 2 ** 20).toFixed(0)} MB (target <= 300 MB)`);
  } finally {
    await rig.close();
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${machineLine()}`);
  await deliverAll(1, Number(process.env.BENCH_USERS ?? 2000));
  await deliverAll(10, Number(process.env.BENCH_USERS_PER_TENANT ?? 500));
  const count = Number(process.env.BENCH_IDLE_USERS ?? 100_000);
  const memory = await schedulerBytesPerUser(count);
  console.log(`\n-- scheduler memory at ${count.toLocaleString('en')} activated users without sends`);
  console.log(`jobs queued: ${memory.jobs}; heap per activated user: ${memory.perUser.toFixed(0)} bytes (target <= 2048)`);
}

if (process.env.REMOTE_ENDS) {
  serveRemoteEnds(process.env.REMOTE_ENDS);
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
