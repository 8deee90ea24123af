import { afasFailure } from '../support/afas-failure';
import { startHarness, type Harness } from '../support/afas-client-harness';

describe('each AFAS error, as the sandbox answers it', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ timeoutMs: 300 });
  });

  afterEach(async () => {
    await h.close();
  });

  it('a revoked token gets afas_unauthorized, telling the operator the user must activate again', async () => {
    h.sandbox.revokeToken(h.token);
    const error = await afasFailure(h.client.getConnector(h.auth, 'Teams_Tasks'));
    expect(error.code).toBe('afas_unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/^AFAS answered 401 for connectors\/Teams_Tasks: the token is invalid or revoked/);
  });

  it('the unauthorized fault gets afas_unauthorized too', async () => {
    h.sandbox.faults.set({ kind: 'unauthorized', times: 1 });
    expect((await afasFailure(h.client.metainfo(h.auth))).code).toBe('afas_unauthorized');
  });

  it('a wrong base URL (unknown path) gets afas_not_found', async () => {
    const wrong = h.factory.forBaseUrl(`${h.baseUrl}/v2`);
    const error = await afasFailure(wrong.profitVersion(h.auth));
    expect(error.code).toBe('afas_not_found');
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/^AFAS answered 404 for ProfitVersion: /);
  });

  it('a connector outside the app connector gets AFAS own 500 explanation, as real AFAS answers', async () => {
    const error = await afasFailure(h.client.getConnector(h.auth, 'No_Such_Connector'));
    expect(error.code).toBe('afas_functional_error');
    expect(error.externalMessage).toBe('GetConnector not supported for this app or the user is not authorized');
    expect(error.profitLogReference).toEqual(expect.any(String));
  });

  it('an unknown connector in metainfo/get fails with an AfasError too', async () => {
    const error = await afasFailure(h.client.connectorMetainfo(h.auth, 'No_Such_Connector'));
    expect(['afas_not_found', 'afas_functional_error']).toContain(error.code);
  });

  it('a functional error (500) carries AFAS message and profitLogReference and is not retried', async () => {
    h.sandbox.faults.set({ kind: 'functional-error', message: 'Out of memory', profitLogReference: 'REF-42' });
    const before = h.requestCount();
    const error = await afasFailure(h.client.getConnector(h.auth, 'Teams_Tasks'));
    expect(error.code).toBe('afas_functional_error');
    expect(error.externalMessage).toBe('Out of memory');
    expect(error.profitLogReference).toBe('REF-42');
    expect(error.message).toBe('AFAS answered 500 for connectors/Teams_Tasks: Out of memory (profitLogReference REF-42)');
    expect(h.requestCount() - before).toBe(1);
  });

  it('a filter on a field the connector lacks gets AFAS own 500 explanation', async () => {
    const error = await afasFailure(h.client.getConnector(h.auth, 'Teams_Tasks', { filters: [[{ field: 'nosuchfield', operator: 1, value: 'x' }]] }));
    expect(error.code).toBe('afas_functional_error');
    expect(error.externalMessage).toContain('nosuchfield');
    expect(error.profitLogReference).toEqual(expect.any(String));
  });

  it('a 503 is waited out for Retry-After seconds on the clock, then the GET succeeds', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 7, times: 1 });
    await expect(h.client.profitVersion(h.auth)).resolves.toEqual(expect.any(String));
    expect(h.clock.sleeps).toEqual([7000]);
  });

  it('a 503 that outlasts every attempt fails with afas_unavailable and retryAfterSeconds', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 2 });
    const error = await afasFailure(h.client.profitVersion(h.auth));
    expect(error.code).toBe('afas_unavailable');
    expect(error.retryAfterSeconds).toBe(2);
    expect(h.clock.sleeps).toEqual([2000, 2000, 2000]);
  });

  it('a maintenance window longer than maxRetryAfterSeconds fails at once so the caller can pause', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 7200 });
    const error = await afasFailure(h.client.metainfo(h.auth));
    expect(error).toMatchObject({ code: 'afas_unavailable', retryAfterSeconds: 7200 });
    expect(h.clock.sleeps).toEqual([]);
  });

  it('malformed JSON gets afas_bad_response with a short excerpt', async () => {
    h.sandbox.faults.set({ kind: 'malformed-json' });
    const error = await afasFailure(h.client.getConnector(h.auth, 'Teams_Tasks'));
    expect(error.code).toBe('afas_bad_response');
    expect(error.message).toMatch(/not JSON|unexpected shape/);
    expect(String(error.details.excerpt).length).toBeLessThanOrEqual(120);
  });

  it('an HTML page gets afas_bad_response naming it an HTML page', async () => {
    h.sandbox.faults.set({ kind: 'html' });
    const error = await afasFailure(h.client.profitVersion(h.auth));
    expect(error.code).toBe('afas_bad_response');
    expect(error.message).toMatch(/HTML page/);
    expect(String(error.details.excerpt)).toMatch(/</);
  });

  it('a hanging AFAS gets afas_timeout after timeoutMs on every attempt', async () => {
    h.sandbox.faults.set({ kind: 'hang' });
    const started = Date.now();
    const error = await afasFailure(h.client.profitVersion(h.auth));
    expect(error.code).toBe('afas_timeout');
    expect(error.message).toBe('AFAS did not answer ProfitVersion within 300 ms');
    expect(h.clock.sleeps).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 300 - 50);
  });

  it('a GET that hangs once is repeated and succeeds', async () => {
    h.sandbox.faults.set({ kind: 'hang', times: 1 });
    await expect(h.client.profitVersion(h.auth)).resolves.toEqual(expect.any(String));
    expect(h.clock.sleeps).toEqual([250]);
  });
});
