import type { Redis } from 'ioredis';
import type { CallLimiter } from '../ports/call-limiter';
import type { Logger } from '../ports/logger';
import { runScript } from './redis-connection';

/**
 * Takes a slot when fewer than ARGV[1] unexpired holders are in the set; a holder's score is when
 * its slot lapses (Redis' own clock, so replicas' clocks do not matter). KEYS: the set. ARGV: capacity, holder, ttl.
 */
const ACQUIRE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`;

export interface RedisCallLimiterOptions {
  readonly redis: Redis;
  /** The set's key (one per AFAS environment). */
  readonly key: string;
  readonly capacity: number;
  /** A slot whose holder died lapses after this (longer than one AFAS attempt can take). */
  readonly slotTtlMs: number;
  /** Used while Redis is away: the limit then holds per replica only. */
  readonly fallback: CallLimiter;
  readonly logger: Logger;
  readonly random?: () => number;
}

/**
 * AFAS's 8 calls in flight per environment, counted across replicas: a sorted set of holders in
 * Redis. Waiting callers try again after a short random pause (10-40 ms); AFAS calls take tens of
 * milliseconds or more, so the polling costs little next to them.
 */
export class RedisCallLimiter implements CallLimiter {
  private seq = 0;

  constructor(private readonly options: RedisCallLimiterOptions) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    const holder = `${process.pid}:${crypto.randomUUID()}:${++this.seq}`;
    const { redis, key, capacity, slotTtlMs, random = Math.random } = this.options;
    for (;;) {
      let got: unknown;
      try {
        got = await runScript(redis, ACQUIRE, [key], [capacity, holder, slotTtlMs]);
      } catch (error) {
        this.options.logger.warn({ code: 'redis_unavailable', err: error instanceof Error ? error.message : String(error) }, 'AFAS call limit counted in this replica only (Redis unavailable)');
        return this.options.fallback.run(work);
      }
      if (got === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.floor(random() * 30)));
    }
    try {
      return await work();
    } finally {
      await redis.zrem(key, holder).catch((error: unknown) => {
        // The slot lapses by itself after slotTtlMs.
        this.options.logger.debug({ code: 'redis_unavailable', err: error instanceof Error ? error.message : String(error) }, 'AFAS call slot not given back; it lapses');
      });
    }
  }
}
