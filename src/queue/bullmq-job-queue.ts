import { AsyncLocalStorage } from 'node:async_hooks';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock } from '../ports/clock';
import { DEFAULT_LANE, type JobHandler, type JobQueue } from '../ports/job-queue';
import { decodeJobData, encodeJobData } from './job-json';
import { KeyLock } from './key-lock';
import type { RedisConnections } from './redis-connection';
import { QUEUE_SCRIPTS } from './queue-scripts';
import { runScript } from './redis-connection';

export interface BullMqJobQueueOptions {
  readonly connections: RedisConnections;
  readonly clock: Clock;
  /** Namespaces every key (BullMQ's and ours); one per product installation. */
  readonly prefix: string;
  /** Workers per lane on this replica; `default` is required. */
  readonly lanes: Readonly<Record<string, number>>;
  /** A handler that rejected (handlers own their errors; this is the last resort). */
  readonly onError: (key: string, error: unknown) => void;
  /** How long a worker's claim on a job (BullMQ's lock) and on its key lasts without renewal. Default 15 s. */
  readonly lockMs?: number;
}

/** One lane's jobs: due (waiting), later (delayed), running anywhere (active); how late the oldest due one is. */
export interface LaneDepth {
  readonly lane: string;
  readonly waiting: number;
  readonly delayed: number;
  readonly active: number;
  readonly lagSeconds: number;
}

/** What BullMQ stores per job: the key, when it was due and the data as tagged JSON. */
interface StoredJob {
  readonly key: string;
  readonly at: number;
  readonly json: string;
}

/** The point script's answer to a job from before Redis lost its data. */
const STALE = 'STALE';

/** A due job whose key is busy elsewhere tries again this much later. */
const BUSY_RETRY_MS = 200;

/**
 * The JobQueue port on BullMQ, shared by every replica. One BullMQ queue per lane; a job id is the
 * key plus a random part, and a hash (`current`) names the one job that is the key's: scheduling
 * points the key at the new job first, then adds it, then removes the old one. (Added first, a job
 * due now could start elsewhere before the pointer moved, skip itself as superseded and leave the
 * key naming a job that is gone: a user without polls.) A crash between pointing and adding leaves
 * a pointer to no job, which `has` drops, so the next sweep gives the key a job again.
 * A Redis that restarted empty loses the jobs and the locks while handlers still run: the engine
 * rebuilds the jobs from storage, and what a handler that began before then schedules for a key
 * that has a rebuilt job is dropped (it would replace a job due now with its own retry minutes later).
 * A key's jobs never overlap across replicas: a job takes the key's lock (renewed while it runs)
 * or moves itself back to delayed. A replica that dies mid-job loses BullMQ's lock; another
 * replica's stalled-job check hands the job out again, marked `recovered`, once the key's lock
 * has expired too; if it died between pointing the key at its next job and adding that job, the
 * recovered job takes the key back (`begin`).
 */
export class BullMqJobQueue<T> implements JobQueue<T> {
  private readonly queues = new Map<string, Queue<StoredJob>>();
  private readonly workers: Worker<StoredJob>[] = [];
  private readonly currentKey: string;
  /** Names this Redis's data: a Redis that restarted empty gets a new one (see `schedule`). */
  private readonly generationKey: string;
  /** The generation the job whose handler is calling began in. */
  private readonly running = new AsyncLocalStorage<{ generation: string }>();
  private readonly lock: KeyLock;
  private readonly lockMs: number;

  constructor(private readonly options: BullMqJobQueueOptions) {
    if (!(DEFAULT_LANE in options.lanes)) throw new RangeError(`a "${DEFAULT_LANE}" lane is required`);
    this.lockMs = options.lockMs ?? 15_000;
    this.currentKey = `${options.prefix}:jq:current`;
    this.generationKey = `${options.prefix}:jq:generation`;
    this.lock = new KeyLock(options.connections.commands, `${options.prefix}:jq:lock:`, this.lockMs);
    for (const lane of Object.keys(options.lanes)) {
      const queue = new Queue<StoredJob>(queueName(lane), { connection: options.connections.commands, prefix: options.prefix });
      queue.on('error', (error: Error) => options.onError(`queue:${lane}`, error));
      this.queues.set(lane, queue);
    }
  }

  async schedule(key: string, runAt: Date, data: T, lane: string = DEFAULT_LANE): Promise<void> {
    const queue = this.queue(lane);
    const id = `${key.replaceAll(':', '%3A')}#${crypto.randomUUID()}`;
    const mine = pointer(lane, id);
    const delay = Math.max(0, runAt.getTime() - this.options.clock.now().getTime());
    // The key names the job before it exists: a job due now may start on another replica the moment it is added, and must find itself the key's.
    const caller = this.running.getStore();
    const old = (await runScript(this.redis, QUEUE_SCRIPTS.point, [this.currentKey, this.generationKey], [key, mine, caller?.generation ?? ''])) as string | null;
    // The calling job began before Redis lost its data, and the key has a job rebuilt from storage since then: that one owns it.
    if (old === STALE) return;
    try {
      await queue.add('job', { key, at: runAt.getTime(), json: encodeJobData(data) }, { jobId: id, delay, removeOnComplete: true, removeOnFail: true });
    } catch (error) {
      await runScript(this.redis, QUEUE_SCRIPTS.restore, [this.currentKey], [key, mine, old ?? '']).catch(() => undefined);
      throw error;
    }
    if (old !== null && old !== mine) await this.removeJob(old);
  }

  async cancel(key: string): Promise<boolean> {
    const old = (await runScript(this.redis, QUEUE_SCRIPTS.unpoint, [this.currentKey], [key])) as string | null;
    if (old === null) return false;
    await this.removeJob(old);
    return true;
  }

  /** A key whose pointer names a job that no longer exists (lost with a Redis restart, say) has none. */
  async has(key: string): Promise<boolean> {
    return (await runScript(this.redis, QUEUE_SCRIPTS.has, [this.currentKey], [key, `${this.options.prefix}:`])) === 1;
  }

  async size(): Promise<number> {
    return this.redis.hlen(this.currentKey);
  }

  /** Jobs per lane, for metrics. */
  async depth(): Promise<LaneDepth[]> {
    const now = this.options.clock.now().getTime();
    return Promise.all(
      [...this.queues].map(async ([lane, queue]) => {
        const counts = await queue.getJobCounts('waiting', 'delayed', 'active');
        const [oldest] = await queue.getWaiting(0, 0);
        const lagSeconds = oldest ? Math.max(0, now - (oldest.data as StoredJob).at) / 1000 : 0;
        return { lane, waiting: counts.waiting ?? 0, delayed: counts.delayed ?? 0, active: counts.active ?? 0, lagSeconds };
      }),
    );
  }

  start(handler: JobHandler<T>): void {
    if (this.workers.length > 0) return;
    for (const [lane, concurrency] of Object.entries(this.options.lanes)) {
      const worker = new Worker<StoredJob>(queueName(lane), (job, token) => this.process(lane, job, token, handler), {
        connection: this.options.connections.forWorker(),
        prefix: this.options.prefix,
        concurrency,
        lockDuration: this.lockMs,
        stalledInterval: Math.max(1000, Math.floor(this.lockMs / 3)),
        // A job whose worker died twice in a row is still the user's only job: keep handing it out.
        maxStalledCount: 20,
        removeOnComplete: { count: 0 },
        removeOnFail: { count: 0 },
      });
      worker.on('error', (error: Error) => this.options.onError(`worker:${lane}`, error));
      this.workers.push(worker);
    }
  }

  async stop(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.close()));
  }

  /** Closes the producers too (after `stop`). */
  async close(): Promise<void> {
    await this.stop();
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private async process(lane: string, job: Job<StoredJob>, token: string | undefined, handler: JobHandler<T>): Promise<void> {
    const { key, at, json } = job.data;
    const id = job.id ?? '';
    const mine = pointer(lane, id);
    const recovered = job.stalledCounter > 0;
    const [current, generation] = (await runScript(this.redis, QUEUE_SCRIPTS.begin, [this.currentKey, this.generationKey], [key, crypto.randomUUID(), recovered ? mine : '', `${this.options.prefix}:`])) as [string, string];
    if (current !== mine) return;
    const held = await this.lock.acquire(key, id);
    if (!held) {
      await job.moveToDelayed(Date.now() + BUSY_RETRY_MS, token);
      throw new DelayedError();
    }
    try {
      await this.running.run({ generation }, () => handler({ key, runAt: new Date(at), data: decodeJobData<T>(json), lane, recovered }));
    } catch (error) {
      this.options.onError(key, error);
    }
    try {
      await held.release();
      await runScript(this.redis, QUEUE_SCRIPTS.unpointIf, [this.currentKey], [key, mine]);
    } catch (error) {
      // Redis went away: the lock expires by itself, and `has` drops a pointer to a finished job.
      this.options.onError(key, error);
    }
  }

  private async removeJob(ref: string): Promise<void> {
    const { lane, id } = parsePointer(ref);
    // A running job cannot be removed (BullMQ's lock): it finishes and sees it is no longer the key's.
    await this.queues.get(lane)?.remove(id);
  }

  private queue(lane: string): Queue<StoredJob> {
    const queue = this.queues.get(lane);
    if (!queue) throw new RangeError(`unknown lane ${lane}`);
    return queue;
  }

  private get redis(): Redis {
    return this.options.connections.commands;
  }
}

function queueName(lane: string): string {
  return `notify-${lane}`;
}

function pointer(lane: string, id: string): string {
  return `${lane}|${id}`;
}

function parsePointer(ref: string): { lane: string; id: string } {
  const bar = ref.indexOf('|');
  return { lane: ref.slice(0, bar), id: ref.slice(bar + 1) };
}
