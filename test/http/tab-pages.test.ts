import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startTabApp, type TabApp } from '../support/tab-harness';

/** A raw request, so tests can send headers fetch would not (Host) and see the bytes as sent. */
function raw(origin: string, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the tab page and its files', () => {
  let app: TabApp;
  let assetDir: string;
  beforeAll(async () => {
    assetDir = mkdtempSync(join(tmpdir(), 'tab-assets-'));
    writeFileSync(join(assetDir, 'index.html'), '<!doctype html><title>tab</title>');
    writeFileSync(join(assetDir, 'app.js'), 'console.log("tab");'.repeat(50));
    writeFileSync(join(assetDir, 'dev-host.js'), '/* host */');
    app = await startTabApp({ assetDir });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(assetDir, { recursive: true, force: true });
  });

  it('serves /tab/ with a policy that lets no other script run and lets Teams frame it', async () => {
    for (const path of ['/tab/', '/tab', '/tab/?list=signals', '/tab/index.html']) {
      const response = await raw(app.origin, path);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("default-src 'none'");
      expect(policy).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('sends the bundle gzipped to browsers that take it, and revalidates by ETag', async () => {
    const plain = await raw(app.origin, '/tab/app.js');
    const zipped = await raw(app.origin, '/tab/app.js', { 'Accept-Encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    const again = await raw(app.origin, '/tab/app.js', { 'If-None-Match': String(plain.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('serves nothing else from the disk', async () => {
    for (const path of ['/tab/..%2Fpackage.json', '/tab/%2e%2e%2fpackage.json', '/tab/.env', '/tab/missing.js', '/tab/app.ts']) {
      expect((await raw(app.origin, path)).status).toBe(404);
    }
  });
});

describe('the development host', () => {
  let app: TabApp;
  beforeAll(async () => {
    app = await startTabApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('is served on this machine, with the demo people to choose from', async () => {
    const page = await raw(app.origin, '/dev/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('Jan de Vries (jan.devries@horizon-groep.example)');
    expect(String(page.headers['content-security-policy'])).toContain("frame-src 'self'");
  });

  it('does not exist for requests that were forwarded here or name another host', async () => {
    for (const headers of [{ 'X-Forwarded-For': '203.0.113.9' }, { Forwarded: 'for=203.0.113.9' }, { Host: 'tunnel.example.com' }] as Record<string, string>[]) {
      expect((await raw(app.origin, '/dev/', headers)).status).toBe(404);
      expect((await raw(app.origin, '/dev/token', { ...headers, 'Content-Type': 'application/json' }, 'POST', '{"person":0}')).status).toBe(404);
    }
  });

  it('issues development tokens that the tab API accepts from this machine only', async () => {
    const issued = await raw(app.origin, '/dev/token', { 'Content-Type': 'application/json' }, 'POST', '{"person":0}');
    expect(issued.status).toBe(200);
    const { token } = JSON.parse(issued.body.toString()) as { token: string };
    expect((await raw(app.origin, '/api/tab/tile', { Authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await raw(app.origin, '/api/tab/tile', { Authorization: `Bearer ${token}`, 'X-Forwarded-For': '203.0.113.9' })).status).toBe(401);
    expect((await raw(app.origin, '/dev/token', { 'Content-Type': 'application/json' }, 'POST', '{"person":99}')).status).toBe(400);
  });

  it('refuses a development token whose signature was tampered with', async () => {
    const issued = await raw(app.origin, '/dev/token', { 'Content-Type': 'application/json' }, 'POST', '{"person":0}');
    const { token } = JSON.parse(issued.body.toString()) as { token: string };
    const [header, , signature] = token.split('.');
    const claims = Buffer.from(JSON.stringify({ iss: 'urn:afas-for-teams:development-host', aud: 'urn:afas-for-teams:tab', tid: 'a5a5a5a5-0000-4000-8000-000000000001', oid: 'a5a5a5a5-0000-4000-8000-000000001006', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    expect((await raw(app.origin, '/api/tab/tile', { Authorization: `Bearer ${header}.${claims}.${signature}` })).status).toBe(401);
  });
});
