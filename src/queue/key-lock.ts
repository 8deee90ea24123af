import type { Redis } from 'ioredis';
import { runScript } from './redis-connection';

/** Deletes or extends the lock only while it is still the holder's. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * One holder per key across replicas: SET NX with an expiry, renewed every third of it while the
 * holder runs. A holder that dies stops renewing, and the key is free again after `ttlMs`.
 */
export class KeyLock {
  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly ttlMs: number) {}

  /** The lock, or null when another holder has it. */
  async acquire(key: string, holder: string): Promise<HeldLock | null> {
    const name = this.prefix + key;
    if ((await this.redis.set(name, holder, 'PX', this.ttlMs, 'NX')) !== 'OK') return null;
    const renew = setInterval(() => {
      // A failed renewal (Redis away for a moment) is tried again on the next tick; the expiry covers two of them.
      runScript(this.redis, EXTEND, [name], [holder, this.ttlMs]).catch(() => undefined);
    }, Math.floor(this.ttlMs / 3));
    renew.unref();
    return {
      release: async () => {
        clearInterval(renew);
        await runScript(this.redis, RELEASE, [name], [holder]);
      },
    };
  }
}
