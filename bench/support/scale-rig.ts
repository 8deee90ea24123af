import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { openCore, type Core } from '../../src/composition/core';
import type { UserKey } from '../../src/domain/user-key';
import { createPinoLogger } from '../../src/logging/pino-logger';
import type { JobQueue } from '../../src/ports/job-queue';
import { newUserJob, userJobKey, type EngineJobData } from '../../src/scheduler/user-job';
import { TestRedis } from '../../test/support/redis-server';
import { Child } from './child';
import { inBatches, seedTenants } from './notification-rig';
import { PRODUCT_TOKEN_KEY, type ProductCommand } from './product-process';
import { RemoteEnds } from './remote-ends';
import { ScratchDatabase } from './scratch-database';

export interface ScaleRigOptions {
  readonly tenants: number;
  readonly usersPerTenant: number;
  readonly replicas: number;
  /** Added by the sandbox to every AFAS call (real time). */
  readonly afasLatencyMs: number;
  /** The fake connector answers 429 above this many requests per second per tenant. */
  readonly connectorPerSecond: number;
  /** The bundle whose BENCH_ROLE=afas|teams|product serve the far ends and the replicas (default this process's). */
  readonly script?: string;
  /**
   * Each replica logs JSON under a folder of this rig's own here, <tenants>x<users>-<replicas>r-<time>/replica-<n>.log
   * (default nowhere), so that the rows of a benchmark and the tests of a suite keep their logs apart.
   */
  readonly logDir?: string;
}

/** A user is due this far ahead while replicas start, so that no replica's sweep gives them a job of its own. */
const PARKED_MS = 3_600_000;

/**
 * Several replicas of the product (startApp with REDIS_URL and DATABASE_URL, each its own process)
 * on a scratch PostgreSQL database and a Redis server of the rig's own, the AFAS sandboxes (one
 * per tenant) and the fake Bot Connector in processes of their own. Users are activated and their
 * open signals seen before any replica starts; `fanOut` gives each a new signal and makes every
 * user's poll due at once, as when a fleet's polls coincide.
 */
export class ScaleRig {
  private constructor(
    readonly redis: TestRedis,
    private readonly database: ScratchDatabase,
    readonly remote: RemoteEnds,
    private readonly core: Core,
    private readonly queue: JobQueue<EngineJobData>,
    readonly users: readonly UserKey[],
    readonly replicas: Child<ProductCommand>[],
    private readonly dataDir: string,
    private readonly logDir: string | null,
  ) {}

  static async start(options: ScaleRigOptions): Promise<ScaleRig> {
    const redis = await TestRedis.start();
    const database = await ScratchDatabase.create();
    const remote = RemoteEnds.launch(options.script);
    const dataDir = mkdtempSync(join(tmpdir(), 'afas-scale-rig-'));
    const ends = await remote.start({ tenants: options.tenants, usersPerTenant: options.usersPerTenant, connectorPerSecond: options.connectorPerSecond });
    const config = parseConfig({
      DEMO: 'false', DATA_DIR: dataDir, PLAYGROUND: 'false', LOG_FORMAT: 'json', LOG_LEVEL: 'fatal',
      TOKEN_ENCRYPTION_KEY: PRODUCT_TOKEN_KEY, DATABASE_URL: database.url, REDIS_URL: redis.url,
    });
    const core = await openCore(config, { logger: createPinoLogger(config.logLevel, config.logFormat, createWriteStream('/dev/null')) });
    const users = await seedTenants(core, ends);
    const logDir = options.logDir ? join(options.logDir, `${options.tenants}x${options.usersPerTenant}-${options.replicas}r-${Date.now()}`) : null;
    if (logDir) mkdirSync(logDir, { recursive: true });
    const rig = new ScaleRig(redis, database, remote, core, core.scaleOut!.jobQueue(() => undefined), users, [], dataDir, logDir);
    await rig.scheduleAll(Date.now() + PARKED_MS);
    await remote.setLatency(options.afasLatencyMs);
    const started = Array.from({ length: options.replicas }, (_v, n) => rig.launchReplica(n, options));
    await Promise.all(started);
    return rig;
  }

  /** One new signal for every user, then every user's poll due now; the moment they became due. */
  async fanOut(): Promise<{ added: number; startedAt: number }> {
    const added = await this.remote.newSignalForEveryone();
    const startedAt = Date.now();
    await this.scheduleAll(startedAt);
    return { added, startedAt };
  }

  /** Ledger entries planned and not confirmed delivered. */
  async stillToDeliver(): Promise<number> {
    return (await this.core.storage.deliveries.pending({ limit: 100_000 })).length;
  }

  /** Waits until `expected` cards arrived or none arrived for `stallMs`; the count seen. */
  async waitForCards(expected: number, stallMs: number, onProgress?: (count: number) => void): Promise<number> {
    let seen = 0;
    let lastProgress = Date.now();
    while (seen < expected && Date.now() - lastProgress < stallMs) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const count = await this.remote.receivedCount();
      if (count > seen) {
        lastProgress = Date.now();
        onProgress?.(count);
      }
      seen = count;
    }
    return seen;
  }

  /** Jobs running on some replica right now (BullMQ's active lists, every lane). */
  async activeJobs(): Promise<number> {
    return (await this.core.scaleOut!.queueDepth()).reduce((sum, lane) => sum + lane.active, 0);
  }

  /** Peak RSS of each live replica, MB. */
  async peakRssMb(): Promise<number[]> {
    return Promise.all(this.replicas.map(async (r) => (await r.call<number>({ op: 'peakRss' })) / 2 ** 20));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.replicas.map((r) => r.call({ op: 'close' })));
    for (const replica of this.replicas) replica.kill('SIGKILL');
    await Promise.all(this.replicas.map((r) => r.exited()));
    await this.core.close().catch(() => undefined);
    await this.remote.close();
    await this.redis.stop();
    await this.database.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async launchReplica(n: number, options: ScaleRigOptions): Promise<void> {
    const replica = new Child<ProductCommand>('product', options.script);
    this.replicas[n] = replica;
    const logFile = this.logDir ? join(this.logDir, `replica-${n}.log`) : undefined;
    await replica.call({ op: 'start', afasBaseUrl: null, databaseUrl: this.database.url, redisUrl: this.redis.url, logFile });
  }

  /** Every user's one job, due at `at`, through the product's shared queue (which replaces a queued one). */
  private async scheduleAll(at: number): Promise<void> {
    await inBatches(this.users, 32, (user) => this.queue.schedule(userJobKey(user), new Date(at), newUserJob(at, false)));
  }
}
