import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { afasFailure } from '../support/afas-failure';
import { JAN, startHarness, type Harness } from '../support/afas-client-harness';
import { everythingIn, expectNoSecrets } from '../support/secret-free';

const KEYS = { apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY };

describe('activation by one-time code against the sandbox', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  it('requests a code, reads it from the mailbox, exchanges it for a token that works', async () => {
    await h.client.requestOtp({ ...KEYS, userId: JAN });
    const code = h.sandbox.mailbox.latestCodeFor(JAN);
    expect(code).toMatch(/^\d+$/);

    const token = await h.client.validateOtp({ ...KEYS, userId: JAN, otp: String(code) });

    expect(token).toMatch(/^<token><version>1<\/version><data>[0-9A-F]{64}<\/data><\/token>$/i);
    await expect(h.client.profitVersion({ kind: 'afasToken', token })).resolves.toEqual(expect.any(String));
  });

  it('resolves an OTP request for wrong keys too, as AFAS does: a 2xx proves nothing', async () => {
    await expect(h.client.requestOtp({ apiKey: '0'.repeat(32), environmentKey: '1'.repeat(32), userId: JAN })).resolves.toBeUndefined();
  });

  it('fails a wrong code with afas_functional_error carrying AFAS message and profitLogReference', async () => {
    await h.client.requestOtp({ ...KEYS, userId: JAN });
    const right = String(h.sandbox.mailbox.latestCodeFor(JAN));
    const wrong = right === '00000000' ? '11111111' : '00000000';

    const error = await afasFailure(h.client.validateOtp({ ...KEYS, userId: JAN, otp: wrong }));

    expect(error.code).toBe('afas_functional_error');
    expect(error.status).toBe(500);
    expect(error.externalMessage).toEqual(expect.any(String));
    expect(error.profitLogReference).toEqual(expect.any(String));
    expect(error.message).toContain(`profitLogReference ${error.profitLogReference}`);
    expectNoSecrets(everythingIn(error) + h.logger.text(), { wrong, right, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY });
  });

  it('never repeats an otpvalidation, even after a 503 that a GET would wait out', async () => {
    await h.client.requestOtp({ ...KEYS, userId: JAN });
    const code = String(h.sandbox.mailbox.latestCodeFor(JAN));
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 1, times: 1, path: 'otpvalidation' });
    const before = h.requestCount();

    const error = await afasFailure(h.client.validateOtp({ ...KEYS, userId: JAN, otp: code }));

    expect(error.code).toBe('afas_unavailable');
    expect(h.requestCount() - before).toBe(1);
    expect(h.clock.sleeps).toEqual([]);
  });

  it('never repeats an otprequest after an answer, so no second mail is sent', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 1, times: 1, path: 'otprequest' });
    const before = h.requestCount();

    const error = await afasFailure(h.client.requestOtp({ ...KEYS, userId: JAN }));

    expect(error.code).toBe('afas_unavailable');
    expect(h.requestCount() - before).toBe(1);
  });
});
