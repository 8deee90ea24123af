/** A job as the queue hands it to the worker. `data` is plain data (a durable queue stores it). */
export interface QueuedJob<T> {
  readonly key: string;
  readonly runAt: Date;
  readonly data: T;
  readonly lane: string;
  /** A shared queue hands this job out again because the replica running it died: its data may be older than what that run did. */
  readonly recovered?: boolean;
}

/** The lane of jobs that do not say otherwise. */
export const DEFAULT_LANE = 'default';

export type JobHandler<T> = (job: QueuedJob<T>) => Promise<void>;

/**
 * Delayed jobs by key: the scheduler's only way to say "do this for that user at that time".
 * At most one job is queued per key, and jobs of one key never run at the same time, so whatever a
 * job does for its user is serialised without locks. Handlers reschedule their own key when there
 * is more to do; a job that was handed out is gone from the queue.
 *
 * Lanes: each lane has its own concurrency, so short jobs that must run on time (a send in its
 * booked slot) never wait behind long ones (polls waiting for AFAS). A key is in one lane at a time.
 *
 * The embedded adapter keeps jobs in memory. A shared adapter (BullMQ on Redis, for several
 * replicas) maps `schedule` to a delayed job with `jobId = key` and `removeOnComplete`, `cancel` to
 * `remove`, the per-key rule to BullMQ's job-id uniqueness and a lane to a queue of its own with
 * its own workers; its `data` must survive JSON, so Dates inside are revived by the adapter.
 */
export interface JobQueue<T> {
  /** Queues the job for `key` (in `lane`, default `DEFAULT_LANE`), replacing a queued one. A key whose job is running runs again after it. */
  schedule(key: string, runAt: Date, data: T, lane?: string): Promise<void>;
  /** Removes the queued job of `key`; false when there was none. A running job finishes. */
  cancel(key: string): Promise<boolean>;
  /** Whether a job for `key` is queued or running. */
  has(key: string): Promise<boolean>;
  /** Queued and running jobs. */
  size(): Promise<number>;
  /** Hands due jobs to `handler`. The handler owns its errors: one that rejects loses its job. */
  start(handler: JobHandler<T>): void;
  /** Stops handing out jobs (at once) and resolves when the running ones have finished. */
  stop(): Promise<void>;
}
