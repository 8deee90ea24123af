import { MinHeap, type HeapNode } from './min-heap';

export interface LaneEntry<T> extends HeapNode {
  readonly key: string;
  readonly group: string;
  readonly data: T;
  readonly lane: JobLane<T>;
  /** Due, but its group is at the lane's limit: in the group's line, not in the heap. */
  waiting: boolean;
}

/** A lane's concurrency, optionally also per group of keys (one tenant, say) so no group takes the whole lane. */
export type LaneOptions = number | { readonly concurrency: number; readonly perGroup?: number };

/**
 * One lane of the in-process queue: its due-time heap, how many of its jobs run (in total and per
 * group), and per group the line of due jobs waiting for one of that group's jobs to finish.
 */
export class JobLane<T> {
  readonly concurrency: number;
  readonly perGroup: number;
  readonly heap = new MinHeap<LaneEntry<T>>();
  private running = 0;
  private readonly groupRunning = new Map<string, number>();
  private readonly lines = new Map<string, LaneEntry<T>[]>();

  constructor(readonly name: string, options: LaneOptions) {
    const { concurrency, perGroup = Infinity } = typeof options === 'number' ? { concurrency: options } : options;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`lane ${name}: concurrency must be a positive integer`);
    this.concurrency = concurrency;
    this.perGroup = perGroup;
  }

  get hasRoom(): boolean {
    return this.running < this.concurrency;
  }

  groupFull(group: string): boolean {
    return (this.groupRunning.get(group) ?? 0) >= this.perGroup;
  }

  /** Puts a due entry in its group's line. */
  wait(entry: LaneEntry<T>): void {
    entry.waiting = true;
    const line = this.lines.get(entry.group);
    if (line) line.push(entry);
    else this.lines.set(entry.group, [entry]);
  }

  leaveLine(entry: LaneEntry<T>): void {
    const line = (this.lines.get(entry.group) ?? []).filter((e) => e !== entry);
    if (line.length > 0) this.lines.set(entry.group, line);
    else this.lines.delete(entry.group);
    entry.waiting = false;
  }

  started(group: string): void {
    this.running += 1;
    this.groupRunning.set(group, (this.groupRunning.get(group) ?? 0) + 1);
  }

  /** A job finished: the first of its group's line (if any) goes back into the heap. */
  finished(group: string): void {
    this.running -= 1;
    const count = (this.groupRunning.get(group) ?? 1) - 1;
    if (count > 0) this.groupRunning.set(group, count);
    else this.groupRunning.delete(group);
    const line = this.lines.get(group);
    const next = line?.shift();
    if (line && line.length === 0) this.lines.delete(group);
    if (next) {
      next.waiting = false;
      this.heap.push(next);
    }
  }
}
