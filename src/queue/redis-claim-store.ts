import type { Redis } from 'ioredis';
import type { ClaimStore } from '../ports/claim-store';
import type { Logger } from '../ports/logger';

/**
 * Claims as `SET NX PX` in the shared Redis. Redis away: every claim succeeds (callers keep their
 * own per-process memory in front of this), so the chat keeps answering; only a retry that lands on
 * another replica in that time gets through twice.
 */
export class RedisClaimStore implements ClaimStore {
  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly logger: Logger) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.redis.set(this.prefix + key, '1', 'PX', ttlMs, 'NX')) === 'OK';
    } catch (error) {
      this.logger.warn({ code: 'redis_unavailable', key, err: error instanceof Error ? error.message : String(error) }, 'claim decided by this replica only (Redis unavailable)');
      return true;
    }
  }

  async release(key: string): Promise<void> {
    try {
      await this.redis.del(this.prefix + key);
    } catch (error) {
      // The claim lapses by itself after its TTL.
      this.logger.warn({ code: 'redis_unavailable', key, err: error instanceof Error ? error.message : String(error) }, 'claim not released (Redis unavailable); it lapses');
    }
  }
}
