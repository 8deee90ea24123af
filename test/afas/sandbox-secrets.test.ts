import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import type { AfasError } from '../../src/domain/afas-error';
import { afasFailure } from '../support/afas-failure';
import { JAN, startHarness, type Harness } from '../support/afas-client-harness';
import { everythingIn, expectNoSecrets } from '../support/secret-free';

describe('no token, key or activation code ever leaves in an error or a log line', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ timeoutMs: 200 });
  });

  afterEach(async () => {
    await h.close();
  });

  it('holds for every failure a call can meet', async () => {
    const keys = { apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY };
    await h.client.requestOtp({ ...keys, userId: JAN });
    const code = String(h.sandbox.mailbox.latestCodeFor(JAN));
    const header = `AfasToken ${Buffer.from(h.token).toString('base64')}`;
    const errors: AfasError[] = [];
    const faults = [
      { kind: 'unauthorized' },
      { kind: 'functional-error', message: 'Something failed' },
      { kind: 'unavailable', retryAfterSeconds: 1 },
      { kind: 'malformed-json' },
      { kind: 'html' },
      { kind: 'hang' },
    ] as const;
    for (const fault of faults) {
      h.sandbox.faults.clear();
      h.sandbox.faults.set(fault);
      errors.push(await afasFailure(h.client.getConnector(h.auth, 'Teams_Tasks')));
      // The OTP endpoints take no token, so AFAS cannot answer them 401.
      if (fault.kind === 'unauthorized') continue;
      errors.push(await afasFailure(h.client.validateOtp({ ...keys, userId: JAN, otp: code })));
      // Any 2xx counts as "requested", so only the non-2xx faults fail an OTP request.
      await h.client.requestOtp({ ...keys, userId: JAN }).catch((error: AfasError) => errors.push(error));
    }
    h.sandbox.faults.clear();
    errors.push(await afasFailure(h.client.validateOtp({ ...keys, userId: JAN, otp: code.split('').reverse().join('') + '9' })));
    h.sandbox.revokeToken(h.token);
    errors.push(await afasFailure(h.client.metainfo(h.auth)));

    expect(new Set(errors.map((e) => e.code))).toEqual(
      new Set(['afas_unauthorized', 'afas_functional_error', 'afas_unavailable', 'afas_bad_response', 'afas_timeout']),
    );
    const everything = errors.map(everythingIn).join('\n') + h.logger.text();
    expectNoSecrets(everything, {
      token: h.token,
      header,
      base64Token: Buffer.from(h.token).toString('base64'),
      tokenData: /<data>(.*)<\/data>/.exec(h.token)?.[1] ?? '',
      apiKey: DEMO_API_KEY,
      environmentKey: DEMO_ENVIRONMENT_KEY,
      code,
    });
    expect(everything).not.toMatch(/authorization/i);
  });
});
