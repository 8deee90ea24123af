import { startTabApp, type TabApp } from '../support/tab-harness';

const JAN = 'jan.devries@horizon-groep.example';
const FLEUR = 'fleur.bakker@horizon-groep.example';
const PIETER = 'pieter.visser@horizon-groep.example';
const LOTTE = 'lotte.smit@horizon-groep.example';
/** Development people, by index: the Agents Playground's (src/dev/playground-identities.ts). */
const PERSON = { jan: 0, fleur: 1, sanne: 2, pieter: 5 } as const;

interface Json {
  [key: string]: unknown;
}

/** The tab API in demo mode, signed in with development tokens as the development host does. */
describe('the tab API in demo mode', () => {
  let app: TabApp;
  beforeAll(async () => {
    app = await startTabApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function tokenFor(person: number): Promise<string> {
    const response = await fetch(`${app.origin}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  async function call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${app.origin}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (response.status === 204 ? {} : await response.json()) as Json };
  }

  async function activate(token: string, email: string): Promise<void> {
    expect((await call(token, 'POST', '/api/tab/activation/request', { afasUserId: email })).status).toBe(200);
    const code = app.sandbox.mailbox.latestCodeFor(email);
    expect((await call(token, 'POST', '/api/tab/activation/confirm', { code })).json).toEqual({ afasUserId: email });
  }

  it('takes a user through activation with the same steps and limits as the bot, then shows the tile', async () => {
    const token = await tokenFor(PERSON.jan);
    expect((await call(token, 'GET', '/api/tab/tile')).json).toEqual({ state: 'activate', reason: 'not_activated', attempt: null });

    expect(await call(token, 'POST', '/api/tab/activation/request', { afasUserId: 'not an id' })).toEqual({ status: 400, json: { code: 'activation_user_id_invalid' } });
    const requested = await call(token, 'POST', '/api/tab/activation/request', { afasUserId: JAN });
    expect(requested).toEqual({ status: 200, json: { afasUserId: JAN, nextRequestAt: expect.any(String) } });
    const code = app.sandbox.mailbox.latestCodeFor(JAN);
    expect(code).toMatch(/^\d{6,10}$/);

    // A reload continues at the code step.
    expect((await call(token, 'GET', '/api/tab/tile')).json).toEqual({ state: 'activate', reason: 'not_activated', attempt: { afasUserId: JAN, nextRequestAt: requested.json.nextRequestAt } });
    // One code a minute.
    expect(await call(token, 'POST', '/api/tab/activation/resend')).toEqual({ status: 429, json: { code: 'activation_throttled', retryAt: requested.json.nextRequestAt, codeStillUsable: true } });

    expect(await call(token, 'POST', '/api/tab/activation/confirm', { code: '12' })).toEqual({ status: 400, json: { code: 'activation_code_format' } });
    const wrong = await call(token, 'POST', '/api/tab/activation/confirm', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.json).toEqual({ code: 'activation_code_rejected', reason: expect.any(String), attemptsLeft: 2 });

    expect(await call(token, 'POST', '/api/tab/activation/confirm', { code })).toEqual({ status: 200, json: { afasUserId: JAN } });
    const tile = await call(token, 'GET', '/api/tab/tile');
    expect(tile.status).toBe(200);
    expect(tile.json).toMatchObject({ state: 'tile', firstList: 'task', language: null, openAfasUrl: app.insiteUrl, tasks: { ok: true, total: 9 }, signals: { ok: true, total: 6 } });
    const tasks = (tile.json.tasks as { items: { id: string; title: string; url: string; unread: boolean; date: string | null }[] }).items;
    expect(tasks).toHaveLength(9);
    for (const item of tasks) {
      expect(item.url).toBe(`${app.insiteUrl}/taak?id=${encodeURIComponent(item.id)}`);
      expect(typeof item.title).toBe('string');
    }
  });

  it('stops after three wrong codes, as the bot does', async () => {
    const token = await tokenFor(PERSON.fleur);
    await call(token, 'POST', '/api/tab/activation/request', { afasUserId: FLEUR });
    const right = app.sandbox.mailbox.latestCodeFor(FLEUR);
    const wrong = right === '000000' ? '111111' : '000000';
    expect((await call(token, 'POST', '/api/tab/activation/confirm', { code: wrong })).json.attemptsLeft).toBe(2);
    expect((await call(token, 'POST', '/api/tab/activation/confirm', { code: wrong })).json.attemptsLeft).toBe(1);
    expect(await call(token, 'POST', '/api/tab/activation/confirm', { code: wrong })).toEqual({ status: 409, json: { code: 'activation_too_many_attempts' } });
    expect(await call(token, 'POST', '/api/tab/activation/confirm', { code: right })).toEqual({ status: 409, json: { code: 'activation_too_many_attempts' } });
    expect((await call(token, 'GET', '/api/tab/tile')).json).toEqual({ state: 'activate', reason: 'not_activated', attempt: null });
  });

  it('passes AFAS text through as text, exactly as AFAS sent it', async () => {
    const token = await tokenFor(PERSON.jan);
    app.sandbox.addTask(JAN, { description: '<img src=x onerror=alert(1)>', submitter: '<b>Mallory</b>' });
    const tile = await call(token, 'GET', '/api/tab/tile');
    const items = (tile.json.tasks as { items: { title: string; from: string }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ title: '<img src=x onerror=alert(1)>', from: '<b>Mallory</b>' }));
  });

  it('keeps the first-list preference per user and refuses nonsense', async () => {
    const token = await tokenFor(PERSON.jan);
    expect(await call(token, 'PUT', '/api/tab/preferences', { firstList: 'signal' })).toEqual({ status: 200, json: { firstList: 'signal' } });
    expect((await call(token, 'GET', '/api/tab/tile')).json.firstList).toBe('signal');
    expect((await call(token, 'PUT', '/api/tab/preferences', { firstList: 'mail' })).status).toBe(400);
    expect((await call(await tokenFor(PERSON.fleur), 'GET', '/api/tab/tile')).json.state).toBe('activate');
    await call(token, 'PUT', '/api/tab/preferences', { firstList: 'task' });
  });

  it('sends every item of a long list (130 tasks), so the tab can reach them all as the chat does', async () => {
    const token = await tokenFor(PERSON.pieter);
    await activate(token, PIETER);
    const tile = await call(token, 'GET', '/api/tab/tile');
    expect(tile.json.tasks).toMatchObject({ ok: true, total: 130 });
    expect((tile.json.tasks as { items: unknown[] }).items).toHaveLength(130);
  });

  it('remembers which items the user opened from Teams and shows them as read from then on', async () => {
    // Pieter, activated by the test before (130 tasks, some unread).
    const token = await tokenFor(PERSON.pieter);
    type Tasks = { items: { id: string; unread: boolean }[]; unread: number };
    const before = (await call(token, 'GET', '/api/tab/tile')).json.tasks as Tasks;
    const unread = before.items.find((i) => i.unread)!;
    expect(await call(token, 'POST', '/api/tab/opened', { kind: 'task', id: unread.id })).toMatchObject({ status: 204 });
    const after = (await call(token, 'GET', '/api/tab/tile')).json.tasks as Tasks;
    expect(after.items.find((i) => i.id === unread.id)?.unread).toBe(false);
    expect(after.unread).toBe(before.unread - 1);
    expect((await call(token, 'POST', '/api/tab/opened', { kind: 'invoice', id: unread.id })).status).toBe(400);
  });

  it('reports a list AFAS cannot give next to the one it can', async () => {
    const token = await tokenFor(PERSON.jan);
    app.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 600, path: 'Teams_Signals' });
    try {
      const tile = await call(token, 'GET', '/api/tab/tile');
      expect(tile.json).toMatchObject({ state: 'tile', tasks: { ok: true }, signals: { ok: false, failure: { kind: 'maintenance', until: expect.any(String) } } });
    } finally {
      app.sandbox.faults.clear();
    }
  });

  it('asks for activation again when AFAS no longer accepts the user\'s token (401)', async () => {
    const token = await tokenFor(PERSON.pieter);
    app.sandbox.faults.set({ kind: 'unauthorized', times: 1 });
    try {
      expect((await call(token, 'GET', '/api/tab/tile')).json).toEqual({ state: 'activate', reason: 'expired', attempt: null });
      expect((await call(token, 'GET', '/api/tab/tile')).json).toEqual({ state: 'activate', reason: 'expired', attempt: null });
    } finally {
      app.sandbox.faults.clear();
    }
    await activate(token, PIETER);
    expect((await call(token, 'GET', '/api/tab/tile')).json.state).toBe('tile');
  });

  it('shows an empty list as a list with no items', async () => {
    // The AFAS user is whoever the Teams user proves to be with the e-mailed code: here Lotte, who has nothing open.
    const token = await tokenFor(PERSON.sanne);
    await activate(token, LOTTE);
    const tile = await call(token, 'GET', '/api/tab/tile');
    expect(tile.json).toMatchObject({ tasks: { ok: true, items: [], total: 0, unread: 0 }, signals: { ok: true, items: [], total: 0 } });
  });
});
