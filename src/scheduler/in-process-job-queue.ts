import type { Clock } from '../ports/clock';
import { DEFAULT_LANE, type JobHandler, type JobQueue, type QueuedJob } from '../ports/job-queue';
import { JobLane, type LaneEntry, type LaneOptions } from './job-lane';

export interface InProcessJobQueueOptions {
  readonly clock: Clock;
  /** Jobs running at once, per lane; `default` is required. */
  readonly lanes: Readonly<Record<string, LaneOptions>>;
  /** The group of a key, for lanes with `perGroup`. */
  readonly groupOf?: (key: string) => string;
  /** A handler that rejected (handlers own their errors; this is the last resort). */
  readonly onError: (key: string, error: unknown) => void;
}

/**
 * The embedded job queue: a min-heap by due time per lane and one timer (a `Clock.sleep`, re-armed
 * when an earlier job arrives) for the whole queue, whatever its size. A lane may also limit how
 * many jobs of one group run at once; the rest of that group waits in line, in order, without
 * holding a slot others could use. Jobs are in memory only: after a restart the engine rebuilds
 * them from storage. `stop()` aborts the timer, so nothing keeps the process alive afterwards.
 */
export class InProcessJobQueue<T> implements JobQueue<T> {
  private readonly lanes = new Map<string, JobLane<T>>();
  /** Every queued entry by key: in a heap, in a group's line, or parked until its key's running job finishes. */
  private readonly queued = new Map<string, LaneEntry<T>>();
  private readonly parked = new Map<string, LaneEntry<T>>();
  private readonly running = new Map<string, Promise<void>>();
  private handler: JobHandler<T> | null = null;
  private stopped = false;
  private seq = 0;
  private timer: { readonly at: number; readonly abort: AbortController } | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: InProcessJobQueueOptions) {
    for (const [name, lane] of Object.entries(options.lanes)) {
      const created = new JobLane<T>(name, lane);
      if (created.perGroup !== Infinity && !options.groupOf) throw new RangeError(`lane ${name}: perGroup needs groupOf`);
      this.lanes.set(name, created);
    }
    if (!this.lanes.has(DEFAULT_LANE)) throw new RangeError(`a "${DEFAULT_LANE}" lane is required`);
  }

  async schedule(key: string, runAt: Date, data: T, lane: string = DEFAULT_LANE): Promise<void> {
    const target = this.lanes.get(lane);
    if (!target) throw new RangeError(`unknown lane ${lane}`);
    this.unqueue(key);
    const group = target.perGroup === Infinity ? '' : (this.options.groupOf?.(key) ?? '');
    const entry: LaneEntry<T> = { key, group, at: runAt.getTime(), seq: ++this.seq, pos: -1, data, lane: target, waiting: false };
    this.queued.set(key, entry);
    target.heap.push(entry);
    this.pump();
  }

  async cancel(key: string): Promise<boolean> {
    const found = this.unqueue(key);
    this.pump();
    return found;
  }

  async has(key: string): Promise<boolean> {
    return this.queued.has(key) || this.running.has(key);
  }

  async size(): Promise<number> {
    return this.queued.size + this.running.size;
  }

  start(handler: JobHandler<T>): void {
    this.handler = handler;
    this.stopped = false;
    this.pump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await Promise.all(this.running.values());
  }

  /** When the earliest queued job is due (tests step a fake clock to it). */
  nextDueAt(): Date | null {
    const at = this.earliest(false);
    return at === null ? null : new Date(at);
  }

  /** Resolves once no job runs and none is due (tests: everything that could happen by now has). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  private unqueue(key: string): boolean {
    const old = this.queued.get(key);
    if (!old) return false;
    this.queued.delete(key);
    if (this.parked.get(key) === old) this.parked.delete(key);
    else if (old.waiting) old.lane.leaveLine(old);
    else old.lane.heap.remove(old);
    return true;
  }

  private pump(): void {
    if (!this.handler || this.stopped) return;
    const now = this.options.clock.now().getTime();
    for (const lane of this.lanes.values()) {
      while (lane.hasRoom) {
        const top = lane.heap.peek();
        if (!top || top.at > now) break;
        lane.heap.pop();
        if (this.running.has(top.key)) this.parked.set(top.key, top);
        else if (lane.groupFull(top.group)) lane.wait(top);
        else {
          this.queued.delete(top.key);
          this.run(top, this.handler);
        }
      }
    }
    this.arm(now);
    this.checkIdle();
  }

  private run(entry: LaneEntry<T>, handler: JobHandler<T>): void {
    const { lane, key } = entry;
    const job: QueuedJob<T> = { key, runAt: new Date(entry.at), data: entry.data, lane: lane.name };
    lane.started(entry.group);
    const done = handler(job)
      .catch((error: unknown) => this.options.onError(key, error))
      .finally(() => {
        lane.finished(entry.group);
        this.running.delete(key);
        const parked = this.parked.get(key);
        if (parked) {
          this.parked.delete(key);
          parked.lane.heap.push(parked);
        }
        this.pump();
      });
    this.running.set(key, done);
  }

  /** The earliest due time over the lanes (only lanes with room, when `withRoom`). */
  private earliest(withRoom: boolean): number | null {
    let at: number | null = null;
    for (const lane of this.lanes.values()) {
      const top = lane.heap.peek();
      if (top && (!withRoom || lane.hasRoom) && (at === null || top.at < at)) at = top.at;
    }
    return at;
  }

  private arm(now: number): void {
    // Full lanes need no timer: a finishing job pumps again.
    const at = this.earliest(true);
    if (at === null) return this.disarm();
    if (this.timer?.at === at) return;
    this.disarm();
    const abort = new AbortController();
    this.timer = { at, abort };
    this.options.clock.sleep(Math.max(0, at - now), abort.signal).then(
      () => {
        if (this.timer?.abort !== abort) return;
        this.timer = null;
        this.pump();
      },
      () => undefined,
    );
  }

  private disarm(): void {
    this.timer?.abort.abort();
    this.timer = null;
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || this.running.size > 0) return;
    const at = this.earliest(false);
    if (at !== null && at <= this.options.clock.now().getTime() && !this.stopped) return;
    this.idleWaiters.splice(0).forEach((wake) => wake());
  }
}
