import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { parseConfig } from '../../src/config';
import { createPinoLogger } from '../../src/logging/pino-logger';
import { startApp, type RunningApp } from '../../src/main';
import { startEchoBot, type EchoBot } from '../../test/support/echo-bot';
import { serveCommands } from './child';

/** The product (startApp, as `npm start` runs it, production JSON logging to /dev/null) or the echo bot, in a process of its own. */
export type ProductCommand =
  | { op: 'start'; afasBaseUrl: string | null; databaseUrl: string | null; redisUrl?: string; logFile?: string }
  | { op: 'activate'; users: { aadObjectId: string; tenantId: string; afasUserId: string; token: string }[] }
  | { op: 'cpu' }
  | { op: 'peakRss' }
  | { op: 'close' };

/** The product's TOKEN_ENCRYPTION_KEY here: whoever seeds its database seals tokens with it. */
export const PRODUCT_TOKEN_KEY = Buffer.alloc(32, 7).toString('base64');

export function serveProduct(): void {
  let profiler: (() => Promise<void>) | null = null;
  let app: RunningApp | null = null;
  let dataDir: string | null = null;
  let peakRss = 0;
  serveCommands<ProductCommand>(async (command) => {
    switch (command.op) {
      case 'start': {
        profiler = await startProfiler();
        setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100).unref();
        dataDir = mkdtempSync(join(tmpdir(), 'afas-bench-product-'));
        const config = parseConfig({
          DEMO: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PLAYGROUND: 'false', LOG_FORMAT: 'json', LOG_LEVEL: 'info',
          ...(command.afasBaseUrl ? { AFAS_BASE_URL: command.afasBaseUrl, AFAS_API_KEY: DEMO_API_KEY, AFAS_ENVIRONMENT_KEY: DEMO_ENVIRONMENT_KEY, AFAS_INSITE_URL: 'https://12345.afasinsite.nl' } : {}),
          TOKEN_ENCRYPTION_KEY: PRODUCT_TOKEN_KEY, ...(command.databaseUrl ? { DATABASE_URL: command.databaseUrl } : {}),
          ...(command.redisUrl ? { REDIS_URL: command.redisUrl } : {}),
        });
        app = await startApp(config, { logger: createPinoLogger(config.logLevel, config.logFormat, createWriteStream(command.logFile ?? '/dev/null')) });
        return app.origin;
      }
      case 'activate':
        for (const u of command.users) await app!.storage.activations.save({ user: { tenantId: u.tenantId, aadObjectId: u.aadObjectId }, connectionId: 'default', afasUserId: u.afasUserId, activatedAt: new Date() }, u.token);
        return null;
      case 'cpu':
        return cpuMs();
      case 'peakRss':
        return Math.max(peakRss, process.memoryUsage().rss);
      case 'close':
        await profiler?.();
        await app?.close();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
        return null;
    }
  });
}

export function serveEcho(): void {
  let echo: EchoBot | null = null;
  serveCommands<ProductCommand>(async (command) => {
    if (command.op === 'start') return (echo = await startEchoBot()).url;
    if (command.op === 'cpu') return cpuMs();
    if (command.op === 'close') await echo?.close();
    return null;
  });
}

/**
 * With BENCH_CPU_PROF_DIR set, the product's CPU profile from start to close is written there
 * (product-<pid>.cpuprofile; open it in Chrome's DevTools, or sum self time per function).
 */
async function startProfiler(): Promise<(() => Promise<void>) | null> {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  if (!dir) return null;
  const session = new Session();
  session.connect();
  const post = (method: string): Promise<unknown> => new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(join(dir, `product-${process.pid}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

/** CPU time this process has used (user + system), in ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
