import { TEAMS_BUDGET } from '../scheduler/in-memory-send-budget';
import { Semaphore } from '../afas/semaphore';
import type { AfasAvailability } from '../ports/afas-availability';
import type { CallLimiter } from '../ports/call-limiter';
import type { ClaimStore } from '../ports/claim-store';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SendBudget } from '../ports/send-budget';
import { BullMqJobQueue, type LaneDepth } from '../queue/bullmq-job-queue';
import { RedisAfasAvailability } from '../queue/redis-afas-availability';
import { RedisCallLimiter } from '../queue/redis-call-limiter';
import { RedisClaimStore } from '../queue/redis-claim-store';
import { RedisConnections } from '../queue/redis-connection';
import { RedisSendBudget } from '../queue/redis-send-budget';
import { SEND_LANE, type EngineJobData } from '../scheduler/user-job';

/** Every Redis key of the product starts with this (BullMQ's too). */
export const REDIS_PREFIX = 'aft';

/**
 * Workers per lane on each replica. Lower than the embedded queue's 256: polls of one environment
 * wait for AFAS's 8 shared slots in Redis, and waiting costs Redis round trips.
 */
export const SHARED_LANES = Object.freeze({ default: 32, [SEND_LANE]: 64 });

/** A slot of AFAS's shared limit whose replica died lapses after the AFAS timeout plus this. */
const SLOT_SLACK_MS = 5000;

/** What several replicas share through REDIS_URL. */
export interface ScaleOut {
  readonly connections: RedisConnections;
  readonly claims: ClaimStore;
  readonly availability: AfasAvailability;
  readonly budget: SendBudget;
  /** AFAS's per-environment limit in Redis (a semaphore in this process while Redis is away). */
  limiterFor(environment: string, capacity: number): CallLimiter;
  /** Depth and lag per lane of the queues opened here (metrics). */
  queueDepth(): Promise<LaneDepth[]>;
  /** The notification engine's queue on BullMQ. */
  jobQueue(onError: (key: string, error: unknown) => void): BullMqJobQueue<EngineJobData>;
  close(): Promise<void>;
}

export interface ScaleOutOptions {
  readonly redisUrl: string;
  readonly afasTimeoutMs: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

export function openScaleOut(options: ScaleOutOptions): ScaleOut {
  const { clock, logger } = options;
  const connections = new RedisConnections(options.redisUrl, logger);
  const redis = connections.commands;
  const queues: BullMqJobQueue<EngineJobData>[] = [];
  return {
    connections,
    claims: new RedisClaimStore(redis, `${REDIS_PREFIX}:claim:`, logger),
    availability: new RedisAfasAvailability(redis, REDIS_PREFIX, clock, logger),
    budget: new RedisSendBudget(redis, REDIS_PREFIX, TEAMS_BUDGET),
    limiterFor: (environment, capacity) =>
      new RedisCallLimiter({ redis, key: `${REDIS_PREFIX}:afas:inflight:${environment}`, capacity, slotTtlMs: options.afasTimeoutMs + SLOT_SLACK_MS, fallback: new Semaphore(capacity), logger }),
    queueDepth: async () => (await Promise.all(queues.map((queue) => queue.depth()))).flat(),
    jobQueue: (onError) => {
      const queue = new BullMqJobQueue<EngineJobData>({ connections, clock, prefix: REDIS_PREFIX, lanes: SHARED_LANES, onError });
      queues.push(queue);
      return queue;
    },
    close: async () => {
      await Promise.all(queues.map((queue) => queue.close()));
      await connections.close();
    },
  };
}
