import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PostgresDriver } from '../../src/storage/postgres-driver';
import { startDemoApp } from '../support/demo-app';
import { startTabApp, type TabApp } from '../support/tab-harness';

async function devToken(origin: string, person = 0): Promise<string> {
  const response = await fetch(`${origin}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person }) });
  return ((await response.json()) as { token: string }).token;
}

describe('what the server hands out besides the API', () => {
  let assetDir: string;
  beforeAll(() => {
    assetDir = mkdtempSync(join(tmpdir(), 'tab-assets-'));
    writeFileSync(join(assetDir, 'index.html'), '<!doctype html><title>tab</title>');
    writeFileSync(join(assetDir, 'app.js'), 'console.log("tab");\n//# sourceMappingURL=app.js.map');
    writeFileSync(join(assetDir, 'app.js.map'), JSON.stringify({ version: 3, sources: ['../tab/main.ts'], sourcesContent: ['// the readable source'] }));
    writeFileSync(join(assetDir, 'dev-host.js'), '/* host */');
  });
  afterAll(() => rmSync(assetDir, { recursive: true, force: true }));

  describe('outside demo mode', () => {
    let app: TabApp;
    beforeAll(async () => {
      app = await startTabApp({ demo: false, assetDir });
    });
    afterAll(() => app?.stop());

    it('does not serve the tab\'s source map, only the bundle', async () => {
      const map = await fetch(`${app.origin}/tab/app.js.map`);
      expect(map.status).toBe(404);
      expect(await map.text()).not.toContain('the readable source');
      expect((await fetch(`${app.origin}/tab/app.js`)).status).toBe(200);
    });
  });

  describe('in demo mode', () => {
    let app: TabApp;
    beforeAll(async () => {
      app = await startTabApp({ assetDir });
    });
    afterAll(() => app?.stop());

    it('serves the source map, for debugging the tab locally', async () => {
      const map = await fetch(`${app.origin}/tab/app.js.map`);
      expect(map.status).toBe(200);
      expect(await map.text()).toContain('the readable source');
    });

    it('marks every answer of the development host nosniff', async () => {
      for (const [method, path] of [['GET', '/dev/'], ['GET', '/dev/dev-host.js'], ['POST', '/dev/token']] as const) {
        const response = await fetch(`${app.origin}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? '{"person":0}' : undefined });
        expect({ path, status: response.status, nosniff: response.headers.get('x-content-type-options') }).toEqual({ path, status: 200, nosniff: 'nosniff' });
      }
    });
  });
});

/** A loopback TCP relay to PostgreSQL that can be cut, as when the database server goes down. */
async function relay(target: { host: string; port: number }): Promise<{ port: number; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

const databaseUrl = process.env.TEST_DATABASE_URL;
const withPostgres = databaseUrl ? describe : describe.skip;

withPostgres('while the database is down (PostgreSQL; needs TEST_DATABASE_URL)', () => {
  it('the tab and admin APIs answer 503 with Retry-After and no internal detail', async () => {
    const url = new URL(databaseUrl ?? '');
    const schema = `afas_down_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = await PostgresDriver.connect({ connectionString: url.toString(), schema });
    const link = await relay({ host: url.hostname, port: Number(url.port || 5432) });
    const viaRelay = new URL(url.toString());
    viaRelay.host = `127.0.0.1:${link.port}`;
    viaRelay.searchParams.set('options', `-c search_path=${schema}`);
    const demo = await startDemoApp({ DATABASE_URL: viaRelay.toString() });
    try {
      const token = await devToken(demo.app.origin);
      const tile = () => fetch(`${demo.app.origin}/api/tab/tile`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await tile()).status).toBe(200);

      await link.cut();
      for (const response of [await tile(), await fetch(`${demo.app.origin}/api/admin/me`, { headers: { Authorization: `Bearer ${token}` } })]) {
        const text = await response.text();
        expect({ status: response.status, retryAfter: response.headers.get('retry-after'), code: (JSON.parse(text) as { code: string }).code }).toEqual({ status: 503, retryAfter: '30', code: 'storage_unavailable' });
        expect(text).not.toMatch(/ECONN|PostgreSQL|127\.0\.0\.1|5432|stack/i);
      }
      expect(demo.logger.lines.some((l) => l.level === 'warn' && l.fields.code === 'storage_unavailable')).toBe(true);
    } finally {
      await demo.stop();
      await admin.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    }
  });
});
