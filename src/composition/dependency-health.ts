import { AppError } from '../domain/app-error';
import type { ReadinessReport } from '../http/http-server';
import type { Logger } from '../ports/logger';
import type { Metrics } from '../ports/metrics';
import type { Storage } from '../ports/storage';
import type { ScaleOut } from './scale-out';

/** /metrics' view of the shared queue and the dependencies is refreshed this often. */
const SAMPLE_EVERY_MS = 5000;

/** Storage is not answering: the replica cannot serve (503), and says so. */
class NotReady extends AppError {
  constructor(readonly missing: readonly string[], cause: unknown) {
    super('not_ready', `not reachable: ${missing.join(', ')}`, { cause });
  }
}

/**
 * /readyz: the database is required (without it a replica answers nothing useful: 503); Redis is
 * not (chat and tab keep answering, notifications pause until it is back: 200 "degraded"). Both
 * name what is missing.
 */
export function readiness(storage: Storage, scaleOut: ScaleOut | null): () => Promise<ReadinessReport> {
  return async () => {
    const [database, redis] = await Promise.allSettled([storage.ping(), scaleOut ? scaleOut.connections.ping() : Promise.resolve()]);
    const missing = [...(database.status === 'rejected' ? ['database'] : []), ...(redis.status === 'rejected' ? ['redis'] : [])];
    if (database.status === 'rejected') throw new NotReady(missing, database.reason);
    return { missing };
  };
}

/**
 * Samples the shared queue's depth and lag and whether Redis and the database answer, into the
 * metrics, every few seconds (a scrape then reads gauges, never Redis). Returns the stop function.
 */
export function sampleDependencies(metrics: Metrics, storage: Storage, scaleOut: ScaleOut, logger: Logger): () => void {
  const depth = metrics.gauge('jobQueueDepth');
  const lag = metrics.gauge('jobQueueLag');
  const up = metrics.gauge('dependencyUp');
  const sample = async () => {
    const [database, redis] = await Promise.allSettled([storage.ping(), scaleOut.connections.ping()]);
    up.set({ dependency: 'database' }, database.status === 'fulfilled' ? 1 : 0);
    up.set({ dependency: 'redis' }, redis.status === 'fulfilled' ? 1 : 0);
    if (redis.status === 'rejected') return;
    for (const lane of await scaleOut.queueDepth()) {
      for (const state of ['waiting', 'delayed', 'active'] as const) depth.set({ lane: lane.lane, state }, lane[state]);
      lag.set({ lane: lane.lane }, lane.lagSeconds);
    }
  };
  const timer = setInterval(() => {
    sample().catch((error: unknown) => logger.debug({ code: 'metrics_sample_failed', err: error instanceof Error ? error.message : String(error) }, 'queue metrics not sampled'));
  }, SAMPLE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
