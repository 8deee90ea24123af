import { startTabApp, type TabApp } from '../support/tab-harness';

const JAN = 'jan.devries@horizon-groep.example';
/** Development people, by index: the Agents Playground's (src/dev/playground-identities.ts). */
const PERSON = { jan: 0, fleur: 1 } as const;

interface Json {
  [key: string]: unknown;
}

/** OAuth sign-in over real HTTP: the tab API, our start and callback pages, the sandbox's authorize page. */
describe('OAuth sign-in over HTTP in demo mode with AFAS_AUTH_MODE=oauth', () => {
  let app: TabApp;
  beforeAll(async () => {
    app = await startTabApp({ env: { AFAS_AUTH_MODE: 'oauth' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function tokenFor(person: number): Promise<string> {
    const response = await fetch(`${app.origin}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person }) });
    return ((await response.json()) as { token: string }).token;
  }

  async function call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${app.origin}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  /** Our start link, then the person picks Jan on AFAS's page: where AFAS sends the browser back to. */
  async function throughAfas(startUrl: string): Promise<URL> {
    const start = await fetch(startUrl.replace(app.config.publicUrl, app.origin), { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(start.headers.get('referrer-policy')).toBe('no-referrer');
    const consent = await fetch(start.headers.get('location') ?? '', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user: JAN }).toString(), redirect: 'manual' });
    expect(consent.status).toBe(302);
    return new URL(consent.headers.get('location') ?? '');
  }

  const local = (url: URL) => `${app.origin}${url.pathname}${url.search}`;

  it('the tab begins, AFAS calls back, and only the Teams user who began completes it; then the tile', async () => {
    const jan = await tokenFor(PERSON.jan);
    expect((await call(jan, 'GET', '/api/tab/tile')).json).toEqual({ state: 'activate', reason: 'not_activated', attempt: null, signIn: 'oauth' });
    const begun = await call(jan, 'POST', '/api/tab/oauth/begin');
    expect(begun.status).toBe(200);
    const startUrl = String(begun.json.startUrl);
    expect(startUrl.startsWith(`${app.config.publicUrl}/auth/afas/start?t=`)).toBe(true);

    const callback = await throughAfas(startUrl);
    expect(callback.pathname).toBe('/auth/afas/callback');
    const code = callback.searchParams.get('code') ?? '';
    const page = await fetch(local(callback));
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).not.toContain(code);
    const handle = /data-handle="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(handle).toBe(callback.searchParams.get('state'));

    const fleur = await tokenFor(PERSON.fleur);
    expect(await call(fleur, 'POST', '/api/tab/oauth/complete', { handle })).toEqual({ status: 200, json: { linked: false } });
    expect(await call(jan, 'POST', '/api/tab/oauth/complete', { handle })).toEqual({ status: 200, json: { linked: true } });
    expect(await call(jan, 'POST', '/api/tab/oauth/complete', { handle })).toEqual({ status: 200, json: { linked: false } });
    const tile = (await call(jan, 'GET', '/api/tab/tile')).json;
    expect(tile.state).toBe('tile');
    expect((tile.tasks as { ok: boolean }).ok).toBe(true);

    // The same callback again: the state was used.
    const replay = await fetch(local(callback));
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('unknown, used or expired');

    // Neither the code, the state nor the start link's ticket reaches a log line; the callback's line has its path only.
    const text = app.logger.text();
    for (const secret of [code, handle, new URL(startUrl).searchParams.get('t') ?? 'never']) expect(text).not.toContain(secret);
    expect(app.logger.lines.some((e) => e.fields.path === '/auth/afas/callback')).toBe(true);
  });

  it('a start link that was altered or made up begins nothing and says so', async () => {
    const begun = await call(await tokenFor(PERSON.jan), 'POST', '/api/tab/oauth/begin');
    const url = new URL(String(begun.json.startUrl));
    const ticket = url.searchParams.get('t') ?? '';
    const [payload, signature] = ticket.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), a: 'someone-else' })).toString('base64url');
    for (const t of [`${forged}.${signature}`, 'made-up']) {
      const res = await fetch(`${app.origin}/auth/afas/start?t=${encodeURIComponent(t)}`, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('AFAS saying access_denied ends on a page that says so, nothing linked', async () => {
    const begun = await call(await tokenFor(PERSON.fleur), 'POST', '/api/tab/oauth/begin');
    const start = await fetch(String(begun.json.startUrl).replace(app.config.publicUrl, app.origin), { redirect: 'manual' });
    const denied = await fetch(start.headers.get('location') ?? '', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'decision=deny', redirect: 'manual' });
    const page = await fetch(local(new URL(denied.headers.get('location') ?? '')));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('did not allow');
  });
});
