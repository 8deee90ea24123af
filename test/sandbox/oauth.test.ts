import { createHash, randomBytes } from 'node:crypto';
import { AfasSandbox, DEMO_OAUTH_CLIENT_ID, DEMO_OAUTH_CLIENT_SECRET } from '../../sandbox';
import { FakeClock } from '../fakes/fake-clock';

const REDIRECT = 'https://teams.example/oauth/callback';
const JAN = 'jan.devries@horizon-groep.example';

function authorization(token: string): string {
  return `AfasToken ${Buffer.from(token).toString('base64')}`;
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeQuery(challenge: string, overrides: Record<string, string | null> = {}): string {
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: DEMO_OAUTH_CLIENT_ID,
    redirect_uri: REDIRECT,
    scope: 'profit',
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null) query.set(key, value);
  return query.toString();
}

describe('sandbox OAuth (authorization code + PKCE)', () => {
  let h: { sandbox: AfasSandbox; baseUrl: string };
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    const sandbox = new AfasSandbox({ clock, oauthLifetimes: { accessTokenMs: 120_000, codeMs: 30_000 } });
    h = { sandbox, baseUrl: (await sandbox.listen(0)).baseUrl };
    h.sandbox.oauth.allowRedirect(DEMO_OAUTH_CLIENT_ID, REDIRECT);
  });
  afterEach(() => h.sandbox.close());

  async function consent(query: string, user = JAN): Promise<Response> {
    return fetch(`${h.baseUrl}/oauth/authorize?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user }).toString(),
      redirect: 'manual',
    });
  }

  async function codeFor(challenge: string): Promise<string> {
    const res = await consent(authorizeQuery(challenge));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('state-123');
    return location.searchParams.get('code') ?? '';
  }

  function token(form: Record<string, string>): Promise<Response> {
    return fetch(`${h.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: DEMO_OAUTH_CLIENT_ID, client_secret: DEMO_OAUTH_CLIENT_SECRET, ...form }).toString(),
    });
  }

  async function exchange(code: string, verifier: string, redirectUri = REDIRECT): Promise<Response> {
    return token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
  }

  function bearer(path: string, accessToken: string): Promise<Response> {
    return fetch(`${h.baseUrl}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
  }

  test('the authorize page lists the demo users, sends no referrer and runs no script', async () => {
    const res = await fetch(`${h.baseUrl}/oauth/authorize?${authorizeQuery(pkce().challenge)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toContain('Jan de Vries');
  });

  test('an unknown client or a redirect URI that is not registered exactly gets an error page, never a redirect', async () => {
    const { challenge } = pkce();
    for (const query of [
      authorizeQuery(challenge, { client_id: 'someone-else' }),
      authorizeQuery(challenge, { redirect_uri: `${REDIRECT}/` }),
      authorizeQuery(challenge, { redirect_uri: 'https://evil.example/oauth/callback' }),
    ]) {
      const res = await consent(query);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  test('without PKCE S256 the client gets invalid_request at its redirect URI', async () => {
    const res = await consent(authorizeQuery('x', { code_challenge_method: 'plain' }));
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  test('deny sends access_denied with the state', async () => {
    const res = await fetch(`${h.baseUrl}/oauth/authorize?${authorizeQuery(pkce().challenge)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=deny',
      redirect: 'manual',
    });
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  test('the code buys a Bearer token that every endpoint accepts for the user who consented', async () => {
    const { verifier, challenge } = pkce();
    const res = await exchange(await codeFor(challenge), verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 120 });
    for (const path of ['/connectors/Teams_Tasks', '/metainfo', '/ProfitVersion']) expect((await bearer(path, body.access_token)).status).toBe(200);
    expect(h.sandbox.stats.requests.at(-1)?.userId).toBe(JAN);
  });

  test('a wrong verifier, a different redirect URI or a wrong client secret is refused', async () => {
    const { verifier, challenge } = pkce();
    expect(await (await exchange(await codeFor(challenge), pkce().verifier)).json()).toMatchObject({ error: 'invalid_grant' });
    expect(await (await exchange(await codeFor(challenge), verifier, 'https://teams.example/other')).json()).toMatchObject({ error: 'invalid_grant' });
    const wrongSecret = await token({ grant_type: 'authorization_code', code: await codeFor(challenge), redirect_uri: REDIRECT, code_verifier: verifier, client_secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
  });

  test('a code works once: used again it is refused and the tokens it bought stop working', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    const first = (await (await exchange(code, verifier)).json()) as { access_token: string };
    const again = await exchange(code, verifier);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await bearer('/metainfo', first.access_token)).status).toBe(401);
    expect(h.sandbox.oauth.tokenRequests().map((r) => r.reason ?? r.outcome)).toEqual(['issued', 'code_reused']);
  });

  test('an expired code is refused', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    await clock.advance(31_000);
    expect(await (await exchange(code, verifier)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  test('access tokens expire; the refresh token rotates; a used refresh token revokes the whole sign-in', async () => {
    const { verifier, challenge } = pkce();
    const first = (await (await exchange(await codeFor(challenge), verifier)).json()) as { access_token: string; refresh_token: string };
    await clock.advance(121_000);
    expect((await bearer('/metainfo', first.access_token)).status).toBe(401);
    const second = (await (await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).json()) as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await bearer('/metainfo', second.access_token)).status).toBe(200);
    const replay = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await bearer('/metainfo', second.access_token)).status).toBe(401);
    expect(await (await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token })).json()).toMatchObject({ error: 'invalid_grant' });
  });

  test('with classic tokens switched off (as after 31 August 2027) AfasToken gets 401 and Bearer still works', async () => {
    const classic = h.sandbox.issueToken(JAN);
    const { accessToken } = h.sandbox.oauth.issueTokens(JAN, DEMO_OAUTH_CLIENT_ID);
    h.sandbox.oauth.setClassicTokensEnabled(false);
    expect((await fetch(`${h.baseUrl}/metainfo`, { headers: { Authorization: authorization(classic) } })).status).toBe(401);
    expect((await bearer('/metainfo', accessToken)).status).toBe(200);
    h.sandbox.oauth.setClassicTokensEnabled(true);
    expect((await fetch(`${h.baseUrl}/metainfo`, { headers: { Authorization: authorization(classic) } })).status).toBe(200);
  });
});
