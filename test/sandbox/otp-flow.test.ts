import { DEMO_USERS } from '../../sandbox';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { KEYS, SandboxHarness, authorization } from '../support/sandbox-http';

const JAN = DEMO_USERS[0];
const TOKEN_WIRE = /^<token><version>1<\/version><data>[0-9A-Fa-f]{64}<\/data><\/token>\r\n$/;

describe('OTP activation', () => {
  let clock: FakeClock;
  let logger: RecordingLogger;
  let h: SandboxHarness;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-02T08:00:00Z');
    logger = new RecordingLogger();
    h = await SandboxHarness.start({ clock, logger });
  });
  afterEach(() => h.close());

  test('a request with the right keys answers an empty 2xx and mails an 8-digit code to the user', async () => {
    const res = await h.post('/otprequest', { ...KEYS, userId: JAN.email });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.text()).toBe('');
    const [mail] = h.sandbox.mailbox.messages();
    expect(mail).toMatchObject({ to: JAN.email, subject: 'Activatiecode voor AFAS for Teams', sentAt: '2026-03-02T08:00:00.000Z' });
    expect(mail.code).toMatch(/^\d{8}$/);
    expect(mail.body).toContain(`Activatiecode: ${mail.code}`);
    expect(mail.body).toContain('Beste Jan de Vries');
  });

  test('the user code works as user id, and the English-speaking user gets English mail', async () => {
    await h.post('/otprequest', { ...KEYS, userId: '12345.ewilliams' });
    const [mail] = h.sandbox.mailbox.messages();
    expect(mail.to).toBe('emma.williams@horizon-groep.example');
    expect(mail.subject).toBe('Activation code for AFAS for Teams');
  });

  test('wrong keys or an unknown user still get an empty 200, and no mail is sent', async () => {
    const attempts = [
      { ...KEYS, apiKey: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', userId: JAN.email },
      { ...KEYS, apiToken: '00000000000000000000000000000000', userId: JAN.email },
      { ...KEYS, userId: 'nobody@horizon-groep.example' },
    ];
    for (const body of attempts) {
      const res = await h.post('/otprequest', body);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
    }
    expect(h.sandbox.mailbox.messages()).toEqual([]);
  });

  test('the right code gives 200 with the XML token and its trailing CRLF, and the token opens the connectors', async () => {
    const token = await h.activate(JAN.email);
    expect(token).toMatch(TOKEN_WIRE);
    const res = await h.get('/connectors/Teams_Tasks', token.trim());
    expect(res.status).toBe(200);
  });

  test('AFAS example body spelling `userid` is accepted', async () => {
    await h.post('/otprequest', { ...KEYS, userid: '12345.jdevries' });
    const otp = h.sandbox.mailbox.latestCodeFor(JAN.email);
    const res = await h.post('/otpvalidation', { ...KEYS, userid: '12345.jdevries', otp });
    expect(res.status).toBe(200);
  });

  test('a wrong code gets a 500 with the AFAS error body', async () => {
    await h.post('/otprequest', { ...KEYS, userId: JAN.email });
    const code = h.sandbox.mailbox.latestCodeFor(JAN.email) ?? '';
    const wrong = code === '11111111' ? '22222222' : '11111111';
    const res = await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp: wrong });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ externalMessage: expect.stringContaining('onjuist'), errorNumber: -1, profitLogReference: expect.stringMatching(/^[0-9a-f-]{32,36}$/i) });
  });

  test('validation with wrong keys gets a 500 even with the right code', async () => {
    await h.post('/otprequest', { ...KEYS, userId: JAN.email });
    const otp = h.sandbox.mailbox.latestCodeFor(JAN.email);
    const res = await h.post('/otpvalidation', { ...KEYS, apiKey: 'ABABABABABABABABABABABABABABABAB', userId: JAN.email, otp });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { externalMessage: string }).externalMessage).toMatch(/sleutel/);
  });

  test('with classic tokens switched off (as after 31 August 2027) a right code gets AFAS\'s 500 and no token; switched on again, the code still works', async () => {
    await h.post('/otprequest', { ...KEYS, userId: JAN.email });
    const otp = h.sandbox.mailbox.latestCodeFor(JAN.email);
    h.sandbox.oauth.setClassicTokensEnabled(false);
    const refused = await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp });
    expect(refused.status).toBe(500);
    const body = (await refused.json()) as Record<string, unknown>;
    expect(body).toEqual({ externalMessage: expect.stringContaining('OAuth'), errorNumber: -1, profitLogReference: expect.stringMatching(/^[0-9a-f-]{32,36}$/i) });
    expect(JSON.stringify(body)).not.toContain('<token>');
    h.sandbox.oauth.setClassicTokensEnabled(true);
    expect((await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp })).status).toBe(200);
  });

  test('a code works once: the second validation with it is refused', async () => {
    await h.post('/otprequest', { ...KEYS, userId: JAN.email });
    const otp = h.sandbox.mailbox.latestCodeFor(JAN.email);
    expect((await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp })).status).toBe(200);
    expect((await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp })).status).toBe(500);
  });

  test('a new request replaces the previous code', async () => {
    await h.post('/otprequest', { ...KEYS, userId: JAN.email });
    const first = h.sandbox.mailbox.latestCodeFor(JAN.email);
    let second = first;
    while (second === first) {
      await h.post('/otprequest', { ...KEYS, userId: JAN.email });
      second = h.sandbox.mailbox.latestCodeFor(JAN.email);
    }
    expect((await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp: first })).status).toBe(500);
    expect((await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp: second })).status).toBe(200);
  });

  test('a code is valid for 15 minutes; after that validation says it expired', async () => {
    await h.post('/otprequest', { ...KEYS, userId: JAN.email });
    const otp = h.sandbox.mailbox.latestCodeFor(JAN.email);
    await clock.advance(15 * 60_000 + 1000);
    const res = await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { externalMessage: string }).externalMessage).toMatch(/verlopen/);
  });

  test('a code is still valid just before its validity ends', async () => {
    await h.post('/otprequest', { ...KEYS, userId: JAN.email });
    const otp = h.sandbox.mailbox.latestCodeFor(JAN.email);
    await clock.advance(15 * 60_000 - 1000);
    expect((await h.post('/otpvalidation', { ...KEYS, userId: JAN.email, otp })).status).toBe(200);
  });

  test('missing fields get 400 on both endpoints', async () => {
    expect((await h.post('/otprequest', { apiKey: KEYS.apiKey, userId: JAN.email })).status).toBe(400);
    expect((await h.post('/otpvalidation', { ...KEYS, userId: JAN.email })).status).toBe(400);
    const notJson = await fetch(`${h.baseUrl}/otpvalidation`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  test('a body over 64 KB is refused with 413', async () => {
    expect((await h.post('/otprequest', { ...KEYS, userId: JAN.email, padding: 'x'.repeat(70_000) })).status).toBe(413);
  });

  test('paths are case-insensitive, prefix included', async () => {
    expect((await fetch(`${h.origin}/profitrestservices/OtpRequest`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...KEYS, userId: JAN.email }),
    })).status).toBe(200);
    expect(h.sandbox.mailbox.messages()).toHaveLength(1);
    expect((await h.post('/OTPVALIDATION', { ...KEYS, userId: JAN.email, otp: h.sandbox.mailbox.latestCodeFor(JAN.email) })).status).toBe(200);
  });

  test('neither the request log nor the logger ever holds keys, codes or tokens', async () => {
    const token = await h.activate(JAN.email);
    await h.get('/metainfo', token.trim());
    const otp = h.sandbox.mailbox.messages()[0].code;
    const seen = JSON.stringify(h.sandbox.stats.requests) + logger.text();
    for (const secret of [KEYS.apiKey, KEYS.apiToken, otp, token.trim(), authorization(token.trim())]) {
      expect(seen).not.toContain(secret);
    }
    expect(h.sandbox.stats.requests.map((r) => r.userId)).toEqual([JAN.email, JAN.email, JAN.email]);
  });
});

describe('auto-provisioning (demo mode)', () => {
  test('an unknown but well-formed address gets a user with demo data and a mail', async () => {
    const h = await SandboxHarness.start({ autoProvisionUsers: true });
    try {
      const token = await h.activate('Kees.van.der.Berg@contoso.example');
      const user = h.sandbox.users().find((u) => u.userId === 'kees.van.der.berg@contoso.example');
      expect(user).toEqual({ userId: 'kees.van.der.berg@contoso.example', userCode: '12345.kees.van.der.berg', name: 'Kees van der Berg' });
      expect(await h.rows(token.trim(), 'Teams_Tasks')).toHaveLength(6);
      expect(await h.rows(token.trim(), 'Teams_Signals')).toHaveLength(4);
    } finally {
      await h.close();
    }
  });

  test('provisioning needs the right keys and a well-formed id', async () => {
    const h = await SandboxHarness.start({ autoProvisionUsers: true });
    try {
      const before = h.sandbox.users().length;
      await h.post('/otprequest', { ...KEYS, apiKey: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', userId: 'new@contoso.example' });
      await h.post('/otprequest', { ...KEYS, userId: 'not an address@' });
      expect(h.sandbox.users()).toHaveLength(before);
      await h.post('/otprequest', { ...KEYS, userId: '12345.nieuw' });
      expect(h.sandbox.users()).toHaveLength(before + 1);
      expect(h.sandbox.mailbox.latestCodeFor('12345.nieuw')).toMatch(/^\d{8}$/);
    } finally {
      await h.close();
    }
  });

  test('without auto-provisioning an unknown address stays unknown', async () => {
    const h = await SandboxHarness.start();
    try {
      await h.post('/otprequest', { ...KEYS, userId: 'new@contoso.example' });
      expect(h.sandbox.mailbox.messages()).toEqual([]);
      expect(h.sandbox.users().some((u) => u.userId === 'new@contoso.example')).toBe(false);
    } finally {
      await h.close();
    }
  });
});
