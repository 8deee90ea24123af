import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { afasFailure } from '../support/afas-failure';
import { JAN, startHarness, type Harness } from '../support/afas-client-harness';

describe('retries and the 8-in-flight limit against the sandbox', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  it('a GET that gets one 503 is sent exactly twice', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 1, times: 1, path: 'connectors' });
    const before = h.requestCount();
    await h.client.getConnector(h.auth, 'Teams_Tasks');
    expect(h.requestCount() - before).toBe(2);
  });

  it('a 401 is sent once and never retried', async () => {
    h.sandbox.faults.set({ kind: 'unauthorized' });
    const before = h.requestCount();
    await afasFailure(h.client.getConnector(h.auth, 'Teams_Tasks'));
    expect(h.requestCount() - before).toBe(1);
    expect(h.clock.sleeps).toEqual([]);
  });

  it('a wrong activation code is sent once and never retried', async () => {
    const before = h.requestCount();
    await afasFailure(h.client.validateOtp({ apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY, userId: JAN, otp: '00000000' }));
    expect(h.requestCount() - before).toBe(1);
  });

  it('two clients of one environment together keep exactly 8 calls in flight, in order, and all 30 succeed', async () => {
    h.sandbox.faults.set({ kind: 'latency', ms: 100 });
    // Same environment written differently: case and a trailing slash do not make a second limiter.
    const other = h.factory.forBaseUrl(`${h.baseUrl.replace('ProfitRestServices', 'profitrestservices')}/`);
    const clients = [h.client, other];

    const pages = await Promise.all(Array.from({ length: 30 }, (_, i) => clients[i % 2].getConnector(h.auth, 'Teams_Tasks')));

    expect(pages).toHaveLength(30);
    expect(pages.every((page) => Array.isArray(page.rows))).toBe(true);
    expect(h.sandbox.stats.maxInFlight).toBe(8);
  });

  it('clients of different environments do not share a limit', async () => {
    const second = await startHarness();
    try {
      h.sandbox.faults.set({ kind: 'latency', ms: 300 });
      second.sandbox.faults.set({ kind: 'latency', ms: 300 });
      const there = h.factory.forBaseUrl(second.baseUrl);
      const started = Date.now();
      await Promise.all([
        ...Array.from({ length: 8 }, () => h.client.profitVersion(h.auth)),
        ...Array.from({ length: 8 }, () => there.profitVersion(second.auth)),
      ]);
      // Sixteen 300 ms calls in one round: a shared limit of 8 would need two (600 ms).
      expect(Date.now() - started).toBeLessThan(550);
      expect(second.sandbox.stats.maxInFlight).toBe(8);
    } finally {
      await second.close();
    }
  });

  it('never sends Connection: close', async () => {
    await h.client.profitVersion(h.auth);
    await h.client.metainfo(h.auth);
    await h.client.requestOtp({ apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY, userId: JAN });
    await Promise.all(Array.from({ length: 12 }, () => h.client.getConnector(h.auth, 'Teams_Signals')));
    expect(h.sandbox.stats.requests.length).toBeGreaterThanOrEqual(15);
    expect(h.sandbox.stats.requests.filter((r) => r.hasConnectionClose)).toEqual([]);
  });
});
