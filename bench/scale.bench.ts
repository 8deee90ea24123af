import { cpus } from 'node:os';
import { exactBoundMs, FAN_OUT } from './support/fan-out-bound';
import { serveProduct } from './support/product-process';
import { serveRemoteEnds } from './support/remote-ends';
import { judgeDeliveries } from './support/scale-checks';
import { ScaleRig } from './support/scale-rig';
import { machineLine } from './support/stats';

/**
 * The notification fan-out of `npm run bench -- notifications` with 1, 2 and 3 replicas: each
 * replica is the product as main.ts builds it (startApp with REDIS_URL on a scratch PostgreSQL
 * database, production JSON logging to /dev/null) in a process of its own; the AFAS sandboxes (50 ms
 * a call, one environment per tenant) and the fake Bot Connector (429 above 50 a second per tenant)
 * in processes of their own. Every user has one new signal and is due at once. Each row is judged
 * against the exact bound of the single-replica benchmark (replicas share Teams' and AFAS's
 * budgets, so more replicas cannot beat it), with each replica's peak RSS, the CPU all replicas used
 * over the wall time (how many of the machine's cores they kept busy), duplicates and losses. A
 * loss or a duplicate fails the benchmark (exit code 1).
 */
const STALL_MS = 60_000;
const REPLICAS = (process.env.BENCH_REPLICAS ?? '1,2,3').split(',').map(Number);
let failures = 0;

async function fanOut(replicas: number, tenants: number, usersPerTenant: number): Promise<void> {
  const rig = await ScaleRig.start({ tenants, usersPerTenant, replicas, afasLatencyMs: FAN_OUT.latencyMs, connectorPerSecond: FAN_OUT.teamsPerSecond, logDir: process.env.BENCH_LOG_DIR });
  try {
    const cpuBefore = await Promise.all(rig.replicas.map((r) => r.call<number>({ op: 'cpu' })));
    const { added, startedAt } = await rig.fanOut();
    await rig.waitForCards(added, STALL_MS);
    const cpuAfter = await Promise.all(rig.replicas.map((r) => r.call<number>({ op: 'cpu' })));
    // Anything late (a duplicate) would arrive in the next seconds.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const stats = await rig.remote.stats();
    const report = judgeDeliveries(stats, rig.users.map((user) => `a:${user.aadObjectId}`));
    const lastAt = Math.max(...stats.received.filter((r) => r.summary.startsWith('Nieuw signaal')).map((r) => r.at));
    const wallMs = lastAt - startedAt;
    const boundMs = exactBoundMs(usersPerTenant);
    const rss = await rig.peakRssMb();
    const cpuMs = cpuAfter.reduce((sum, after, i) => sum + after - cpuBefore[i], 0);
    const inFlight = Math.max(...(await rig.remote.maxInFlight()));
    const pending = await rig.stillToDeliver();
    console.log(
      `${replicas} replica(s): ${(wallMs / 1000).toFixed(2)} s vs bound ${(boundMs / 1000).toFixed(2)} s, ratio ${(wallMs / boundMs).toFixed(3)} (target <= 1.10); ` +
        `cards ${report.cards}/${added}, duplicates ${report.duplicates}, losses ${report.losses}, still to deliver ${pending}; ` +
        `peak RSS per replica ${rss.map((mb) => mb.toFixed(0)).join(' / ')} MB (target <= 300); replicas' CPU ${(cpuMs / 1000).toFixed(1)} s = ${(cpuMs / wallMs).toFixed(2)} cores busy; ` +
        `most requests of a tenant in one second ${report.tenantPeak} (429s ${report.throttled}); AFAS most in flight ${inFlight}`,
    );
    if (report.losses > 0 || report.duplicates > 0) failures += 1;
  } finally {
    await rig.close();
  }
}

async function scenario(tenants: number, usersPerTenant: number): Promise<void> {
  const bound = exactBoundMs(usersPerTenant);
  process.stdout.write(`\n-- ${tenants} tenant(s) × ${usersPerTenant} users; exact bound max(floor((${usersPerTenant} - 1) / ${FAN_OUT.teamsPerSecond}) s, ceil(${usersPerTenant} / ${FAN_OUT.afasInFlight}) × ${FAN_OUT.latencyMs} ms) = ${(bound / 1000).toFixed(2)} s\n`);
  for (const replicas of REPLICAS) await fanOut(replicas, tenants, usersPerTenant);
}

async function main(): Promise<void> {
  console.log(`machine: ${machineLine()} (${cpus().length} cores for the replicas, Redis, PostgreSQL, AFAS and the connector together)`);
  await scenario(1, Number(process.env.BENCH_USERS ?? 2000));
  await scenario(10, Number(process.env.BENCH_USERS_PER_TENANT ?? 500));
  if (failures > 0) console.log(`\nFAILED: ${failures} run(s) lost or repeated cards`);
}

const role = process.env.BENCH_ROLE;
if (role === 'product') serveProduct();
else if (role) serveRemoteEnds(role);
else {
  main().then(
    () => process.exit(failures > 0 ? 1 : 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
