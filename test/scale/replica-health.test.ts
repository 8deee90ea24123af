import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { createPinoLogger } from '../../src/logging/pino-logger';
import { startApp, type RunningApp } from '../../src/main';
import { TestRedis } from '../support/redis-server';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('a replica in multi-replica mode (REDIS_URL + PostgreSQL)', () => {
  let redis: TestRedis;
  let app: RunningApp;
  let dataDir: string;

  beforeAll(async () => {
    redis = await TestRedis.start();
    dataDir = mkdtempSync(join(tmpdir(), 'afas-replica-'));
    const config = parseConfig({ PORT: '0', PLAYGROUND: 'false', DATA_DIR: dataDir, DATABASE_URL, REDIS_URL: redis.url, SANDBOX_SIGNAL_INTERVAL_SECONDS: '0' });
    app = await startApp(config, { logger: createPinoLogger('fatal', 'json') });
  });

  afterAll(async () => {
    await app?.close();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready with Redis, stays up and says "degraded: redis" without it, and is ready again when Redis is back', async () => {
    expect(await (await fetch(`${app.origin}/readyz`)).json()).toEqual({ status: 'ready' });
    await redis.stop();
    const degraded = await fetch(`${app.origin}/readyz`);
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toEqual({ status: 'degraded', missing: ['redis'] });
    expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
    await redis.start();
    for (let i = 0; i < 50; i++) {
      const body = (await (await fetch(`${app.origin}/readyz`)).json()) as { status: string };
      if (body.status === 'ready') return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('never ready again');
  });
});
