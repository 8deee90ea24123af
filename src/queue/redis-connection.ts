import { Redis } from 'ioredis';
import type { Logger } from '../ports/logger';

/** How long a command waits for Redis before it fails (chat and tab never wait longer on it). */
const COMMAND_TIMEOUT_MS = 2000;

/**
 * The replica's connections to the shared Redis. `commands` fails fast while Redis is away (no
 * offline queue): limits, claims and pauses answer from their fallback instead of hanging a chat
 * turn. BullMQ's workers get connections of their own that wait and reconnect (BullMQ requires
 * `maxRetriesPerRequest: null` for them).
 */
export class RedisConnections {
  readonly commands: Redis;
  private readonly workerConnections: Redis[] = [];
  private readonly listeners = new Set<() => void>();
  private wasReady = false;

  constructor(private readonly url: string, private readonly logger: Logger) {
    this.commands = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (times) => Math.min(200 * times, 2000),
      connectionName: 'afas-teams',
    });
    this.commands.on('error', (error: Error) => this.logger.debug({ code: 'redis_error', err: error.message }, 'redis connection error'));
    this.commands.on('ready', () => {
      if (this.wasReady) this.logger.info({ code: 'redis_reconnected' }, 'Redis is back');
      this.wasReady = true;
      for (const listener of this.listeners) listener();
    });
    this.commands.on('end', () => this.logger.warn({ code: 'redis_closed' }, 'Redis connection closed'));
  }

  /** Resolves once connected, or after `timeoutMs` (the replica starts without Redis and /readyz says so). */
  async ready(timeoutMs = 5000): Promise<boolean> {
    if (this.commands.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.commands.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.commands.on('ready', onReady);
    });
  }

  get isReady(): boolean {
    return this.commands.status === 'ready';
  }

  /** Called each time the connection is ready, the first time too (jobs are rebuilt: a restarted Redis may have lost them). */
  onReconnect(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** A connection for BullMQ workers (blocking commands; waits and reconnects). */
  forWorker(): Redis {
    const connection = new Redis(this.url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(200 * times, 2000), connectionName: 'afas-teams-worker' });
    connection.on('error', (error: Error) => this.logger.debug({ code: 'redis_error', err: error.message }, 'redis worker connection error'));
    this.workerConnections.push(connection);
    return connection;
  }

  async ping(): Promise<void> {
    await this.commands.ping();
  }

  async close(): Promise<void> {
    for (const connection of [...this.workerConnections, this.commands]) {
      try {
        await connection.quit();
      } catch {
        // Quitting a connection that never came up rejects; it is closed either way.
        connection.disconnect();
      }
    }
  }
}

/** Runs a Lua script atomically (EVAL: Redis caches the compiled script by its hash). */
export async function runScript(redis: Redis, script: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  return redis.eval(script, keys.length, ...keys, ...args.map(String));
}
