import { request } from 'node:http';
import { KEYS, SandboxHarness } from '../support/sandbox-http';

const JAN = '12345.jdevries';

describe('fault injection', () => {
  let h: SandboxHarness;
  let token: string;

  beforeEach(async () => {
    h = await SandboxHarness.start();
    token = h.sandbox.issueToken(JAN);
  });
  afterEach(() => h.close());

  test('latency delays the answer, which is still normal', async () => {
    h.sandbox.faults.set({ kind: 'latency', ms: 200 });
    const started = Date.now();
    const res = await h.get('/connectors/Teams_Tasks', token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rows: unknown[] }).rows).toHaveLength(9);
  });

  test('stats count requests in flight at once, and drop back to zero', async () => {
    h.sandbox.faults.set({ kind: 'latency', ms: 150 });
    const calls = Array.from({ length: 5 }, () => h.get('/ProfitVersion', token));
    await new Promise((resolve) => setTimeout(resolve, 75));
    expect(h.sandbox.stats.inFlight).toBe(5);
    await Promise.all(calls);
    expect(h.sandbox.stats.maxInFlight).toBe(5);
    expect(h.sandbox.stats.inFlight).toBe(0);
    h.sandbox.stats.reset();
    expect(h.sandbox.stats.maxInFlight).toBe(0);
    expect(h.sandbox.stats.requests).toEqual([]);
  });

  test('unauthorized gives 401 on authenticated endpoints but leaves OTP endpoints alone', async () => {
    h.sandbox.faults.set({ kind: 'unauthorized', times: 1 });
    expect((await h.post('/otprequest', { ...KEYS, userId: JAN })).status).toBe(200);
    expect((await h.get('/metainfo', token)).status).toBe(401);
    expect((await h.get('/metainfo', token)).status).toBe(200);
  });

  test('functional-error gives a 500 AFAS body with the given message and reference', async () => {
    h.sandbox.faults.set({ kind: 'functional-error', message: 'This GetConnector (definition) is blocked', profitLogReference: 'ABCDEF0123456789ABCDEF0123456789' });
    const res = await h.get('/connectors/Teams_Tasks', token);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ externalMessage: 'This GetConnector (definition) is blocked', errorNumber: -1, profitLogReference: 'ABCDEF0123456789ABCDEF0123456789' });
  });

  test('functional-error without details still has a message and a fresh reference', async () => {
    h.sandbox.faults.set({ kind: 'functional-error' });
    const body = (await (await h.get('/metainfo', token)).json()) as Record<string, unknown>;
    expect(body.externalMessage).toEqual(expect.any(String));
    expect(body.profitLogReference).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('unavailable gives 503 with Retry-After and retry_after in the body', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 7200 });
    const res = await h.get('/ProfitVersion', token);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7200');
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ retry_after: 7200 });
  });

  test('malformed-json gives a 200 "application/json" answer that does not parse', async () => {
    h.sandbox.faults.set({ kind: 'malformed-json' });
    const res = await h.get('/connectors/Teams_Tasks', token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  test('html gives a 200 text/html error page', async () => {
    h.sandbox.faults.set({ kind: 'html' });
    const res = await h.get('/connectors/Teams_Tasks', token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<html>');
  });

  test('hang never answers, until close() drops the connection', async () => {
    h.sandbox.faults.set({ kind: 'hang' });
    const call = h.get('/metainfo', token).then(
      () => 'answered',
      () => 'connection dropped',
    );
    const early = await Promise.race([call, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300))]);
    expect(early).toBe('still waiting');
    expect(h.sandbox.stats.inFlight).toBe(1);
    await h.close();
    expect(await call).toBe('connection dropped');
  });

  test('times applies a fault to the next N matching requests, then it lapses', async () => {
    h.sandbox.faults.set({ kind: 'functional-error', times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.get('/ProfitVersion', token)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  test('path limits a fault to requests whose path contains it, case-insensitively', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 60, path: 'TEAMS_SIGNALS', times: 1 });
    expect((await h.get('/connectors/Teams_Tasks', token)).status).toBe(200);
    expect((await h.get('/connectors/Teams_Signals', token)).status).toBe(503);
    expect((await h.get('/connectors/Teams_Signals', token)).status).toBe(200);
  });

  test('latency combines with another fault; clear() ends them all', async () => {
    h.sandbox.faults.set({ kind: 'latency', ms: 100 });
    h.sandbox.faults.set({ kind: 'functional-error' });
    const started = Date.now();
    expect((await h.get('/metainfo', token)).status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    h.sandbox.faults.clear();
    expect((await h.get('/metainfo', token)).status).toBe(200);
  });

  test('a fault with a times that is not a positive whole number is refused', () => {
    expect(() => h.sandbox.faults.set({ kind: 'html', times: 0 })).toThrow(expect.objectContaining({ code: 'sandbox_invalid_fault' }));
  });
});

describe('connection handling', () => {
  let h: SandboxHarness;

  beforeEach(async () => {
    h = await SandboxHarness.start();
  });
  afterEach(() => h.close());

  test('answers keep the connection alive and say so', async () => {
    const res = await h.get('/metainfo', h.sandbox.issueToken(JAN));
    expect(res.headers.get('connection')).toBe('keep-alive');
    expect(h.sandbox.stats.requests[0].hasConnectionClose).toBe(false);
  });

  test('a client that sends Connection: close is recorded (AFAS resets such connections)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${h.baseUrl}/ProfitVersion`, { headers: { Connection: 'close' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(401);
    expect(h.sandbox.stats.requests[0]).toMatchObject({ method: 'GET', path: '/ProfitRestServices/ProfitVersion', hasConnectionClose: true });
  });
});
