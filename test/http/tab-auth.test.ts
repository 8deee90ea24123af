import { generateKeyPair, SignJWT } from 'jose';
import { startTabApp, type TabApp } from '../support/tab-harness';
import { APP_ID, AUDIENCE, entraToken, FakeKeyServer, OTHER_TENANT, signingKey, TENANT, type SigningKey } from '../support/sso-keys';

const JAN = 'jan.devries@horizon-groep.example';

/** A production-like server (no demo mode) whose tab API trusts the fake Entra key server. */
describe('the tab API only serves callers with a valid Teams SSO token', () => {
  let key: SigningKey;
  let keyServer: FakeKeyServer;
  let app: TabApp;

  beforeAll(async () => {
    key = await signingKey('key-1');
    keyServer = new FakeKeyServer([key]);
    const jwksUrl = await keyServer.start();
    app = await startTabApp({ demo: false, env: { MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'pw', TAB_SSO_AUDIENCE: AUDIENCE, TAB_SSO_JWKS_URL: jwksUrl } });
  });
  afterAll(async () => {
    await app?.stop();
    await keyServer.close();
  });

  const tile = (token?: string, headers: Record<string, string> = {}) => fetch(`${app.origin}/api/tab/tile`, { headers: { ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }), ...headers } });

  async function expectRefused(response: Response): Promise<void> {
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'unauthorized' });
  }

  it('answers a valid token for the allowed tenant with that user\'s tile (not activated yet)', async () => {
    const response = await tile(await entraToken(key));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ state: 'activate', reason: 'not_activated', attempt: null });
  });

  it('accepts the v1 issuer form (sts.windows.net) that Teams SSO tokens carry by default', async () => {
    expect((await tile(await entraToken(key, { iss: `https://sts.windows.net/${TENANT}/` }))).status).toBe(200);
  });

  it('refuses a request without a token', async () => {
    await expectRefused(await tile());
    await expectRefused(await tile(undefined, { Authorization: 'Basic amFuOnB3' }));
  });

  it('refuses a token that is not a JWT at all', async () => {
    await expectRefused(await tile('not-a-token'));
    await expectRefused(await tile('a.b.c'));
  });

  it('refuses a forged token: right key id and claims, signed with another key', async () => {
    const forger = await signingKey('key-1');
    await expectRefused(await tile(await entraToken(forger)));
  });

  it('refuses a token signed with a key the issuer never published', async () => {
    const stranger = await signingKey('unknown-key');
    await expectRefused(await tile(await entraToken(stranger)));
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const claims = Buffer.from(JSON.stringify({ tid: TENANT, oid: '00000000-0000-4000-8000-00000000a001', aud: AUDIENCE, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await expectRefused(await tile(`${header}.${claims}.`));
  });

  it('refuses an expired token', async () => {
    await expectRefused(await tile(await entraToken(key, { exp: Math.floor(Date.now() / 1000) - 3600 })));
  });

  it('refuses a token for another audience (another app, or Graph)', async () => {
    await expectRefused(await tile(await entraToken(key, { aud: 'api://tab.example.com/another-app' })));
    await expectRefused(await tile(await entraToken(key, { aud: 'https://graph.microsoft.com' })));
  });

  it('refuses a token from another tenant, even one correctly signed by Entra ID', async () => {
    await expectRefused(await tile(await entraToken(key, { tid: OTHER_TENANT })));
  });

  it('refuses a token whose issuer is not the tenant it names', async () => {
    await expectRefused(await tile(await entraToken(key, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })));
    await expectRefused(await tile(await entraToken(key, { iss: 'https://evil.example.com/' })));
  });

  it('refuses a development token outside demo mode, even from this machine', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const dev = await new SignJWT({ tid: TENANT, oid: '00000000-0000-4000-8000-00000000a001' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('urn:afas-for-teams:development-host')
      .setAudience('urn:afas-for-teams:tab')
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectRefused(await tile(dev));
    expect((await fetch(`${app.origin}/dev/`)).status).toBe(404);
    expect((await fetch(`${app.origin}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"person":0}' })).status).toBe(404);
  });

  it('refuses every route of the API without a valid token, and gives no data away', async () => {
    const forged = await entraToken(await signingKey('key-1'));
    for (const [method, path, body] of [
      ['POST', '/api/tab/activation/request', { afasUserId: JAN }],
      ['POST', '/api/tab/activation/resend', {}],
      ['POST', '/api/tab/activation/confirm', { code: '123456' }],
      ['PUT', '/api/tab/preferences', { firstList: 'signal' }],
    ] as const) {
      for (const auth of [{}, { Authorization: `Bearer ${forged}` }] as Record<string, string>[]) {
        const response = await fetch(`${app.origin}${path}`, { method, headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify(body) });
        await expectRefused(response);
      }
    }
    expect(app.sandbox.mailbox.messages()).toEqual([]);
  });

  it('takes the user from the token only: ids in the body or query change nothing', async () => {
    const jan = await entraToken(key, { oid: '00000000-0000-4000-8000-00000000b001' });
    const other = await entraToken(key, { oid: '00000000-0000-4000-8000-00000000b002' });
    const request = await fetch(`${app.origin}/api/tab/activation/request?oid=00000000-0000-4000-8000-00000000b002`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jan}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ afasUserId: JAN, tenantId: OTHER_TENANT, aadObjectId: '00000000-0000-4000-8000-00000000b002' }),
    });
    expect(request.status).toBe(200);
    const mine = (await (await tile(jan)).json()) as { attempt: unknown };
    const theirs = (await (await tile(other)).json()) as { attempt: unknown };
    expect(mine.attempt).toEqual({ afasUserId: JAN, nextRequestAt: expect.any(String) });
    expect(theirs.attempt).toBeNull();
  });

  it('fetches the published keys once and serves later requests from its cache', async () => {
    const before = keyServer.hits;
    for (let i = 0; i < 5; i++) expect((await tile(await entraToken(key))).status).toBe(200);
    expect(keyServer.hits - before).toBe(0);
    expect(keyServer.hits).toBeGreaterThanOrEqual(1);
  });

  it('logs why a token was refused, never the token itself', async () => {
    const expired = await entraToken(key, { exp: Math.floor(Date.now() / 1000) - 3600 });
    await tile(expired);
    const lines = app.logger.lines.filter((line) => line.message.includes('token not accepted'));
    expect(lines.map((line) => line.fields.reason)).toEqual(expect.arrayContaining(['missing', 'malformed', 'signature', 'expired', 'audience', 'tenant', 'issuer']));
    expect(JSON.stringify(app.logger.lines)).not.toContain(expired);
  });
});

describe('when the key endpoint cannot be reached', () => {
  it('answers 503 (try again), not 401, and no data', async () => {
    const key = await signingKey('key-1');
    const app = await startTabApp({ demo: false, env: { MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'pw', TAB_SSO_AUDIENCE: AUDIENCE, TAB_SSO_JWKS_URL: 'http://127.0.0.1:9/keys' } });
    try {
      const response = await fetch(`${app.origin}/api/tab/tile`, { headers: { Authorization: `Bearer ${await entraToken(key)}` } });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ code: 'sign_in_unavailable' });
    } finally {
      await app.stop();
    }
  });
});

describe('without a configured app id', () => {
  it('accepts no Entra token at all', async () => {
    const key = await signingKey('key-1');
    const keyServer = new FakeKeyServer([key]);
    const jwksUrl = await keyServer.start();
    const app = await startTabApp({ demo: false, env: { TAB_SSO_JWKS_URL: jwksUrl } });
    try {
      const response = await fetch(`${app.origin}/api/tab/tile`, { headers: { Authorization: `Bearer ${await entraToken(key)}` } });
      expect(response.status).toBe(401);
      expect(keyServer.hits).toBe(0);
    } finally {
      await app.stop();
      await keyServer.close();
    }
  });
});
