import type { Redis } from 'ioredis';
import type { AfasAvailability } from '../ports/afas-availability';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { runScript } from './redis-connection';

/** Sets the pause to ARGV[1] unless a later one is set; the key expires with the pause. */
const PAUSE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local till = tonumber(ARGV[1])
if till > current then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1
`;

/**
 * AFAS maintenance pauses shared by every replica: a 503 with Retry-After seen by one pauses the
 * environment's polls on all. Redis away: the pause is kept (and read) in this process too, so this
 * replica at least keeps to what it saw.
 */
export class RedisAfasAvailability implements AfasAvailability {
  private readonly local = new Map<string, number>();

  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly clock: Clock, private readonly logger: Logger) {}

  async pause(baseUrl: string, until: Date): Promise<void> {
    const key = baseUrl.toLowerCase();
    this.local.set(key, Math.max(this.local.get(key) ?? 0, until.getTime()));
    try {
      await runScript(this.redis, PAUSE, [this.key(key)], [until.getTime(), Math.max(1, until.getTime() - this.clock.now().getTime())]);
    } catch (error) {
      this.logger.warn({ code: 'redis_unavailable', err: error instanceof Error ? error.message : String(error) }, 'AFAS maintenance pause kept in this replica only (Redis unavailable)');
    }
  }

  async pausedUntil(baseUrl: string, now: Date): Promise<Date | null> {
    const key = baseUrl.toLowerCase();
    let until = this.local.get(key) ?? 0;
    try {
      until = Math.max(until, Number((await this.redis.get(this.key(key))) ?? 0));
    } catch (error) {
      this.logger.debug({ code: 'redis_unavailable', err: error instanceof Error ? error.message : String(error) }, 'AFAS pause read from this replica only');
    }
    if (until > now.getTime()) return new Date(until);
    this.local.delete(key);
    return null;
  }

  private key(environment: string): string {
    return `${this.prefix}:afas:paused:${environment}`;
  }
}
