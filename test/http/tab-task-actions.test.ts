import { startTabApp, type TabApp } from '../support/tab-harness';

const JAN = 'jan.devries@horizon-groep.example';
const FLEUR = 'fleur.bakker@horizon-groep.example';
const PERSON = { jan: 0, fleur: 1 } as const;

interface Json {
  [key: string]: unknown;
}
interface Item {
  id: string;
  title: string;
  subjectId?: string | null;
}
interface Actions {
  state: 'open';
  subjectId: string;
  title: string | null;
  actions: { index: number; description: string; type: number; signature: string }[];
  commentSignature: string;
}

/** Acting on AFAS tasks through the tab API: the product as startApp builds it, the sandbox as AFAS, real HTTP. */
describe('the tab API acts on AFAS tasks', () => {
  let app: TabApp;
  let jan: string;
  beforeAll(async () => {
    app = await startTabApp();
    jan = await tokenFor(PERSON.jan);
    await activate(jan, JAN);
  });
  afterAll(async () => {
    await app?.stop();
  });
  beforeEach(() => {
    app.sandbox.faults.clear();
    app.sandbox.stats.reset();
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

  async function activate(token: string, email: string): Promise<void> {
    await call(token, 'POST', '/api/tab/activation/request', { afasUserId: email });
    expect((await call(token, 'POST', '/api/tab/activation/confirm', { code: app.sandbox.mailbox.latestCodeFor(email) })).status).toBe(200);
  }

  async function taskItems(token: string): Promise<Item[]> {
    const tile = await call(token, 'GET', '/api/tab/tile');
    return (tile.json.tasks as { items: Item[] }).items;
  }

  /** Jan's open task on the sandbox's workflow step `taskname`, as the tile lists it. */
  async function task(taskname: string): Promise<Item & { subjectId: string }> {
    const row = app.sandbox.tasksOf(JAN).find((t) => t.taskname === taskname && t._handledMeanwhileBy === undefined);
    if (!row) throw new Error(`Jan has no open "${taskname}" task`);
    const item = (await taskItems(jan)).find((i) => i.id === row.guid_task);
    expect(item?.subjectId).toBe(String(row.subjectid));
    return item as Item & { subjectId: string };
  }

  async function actionsOf(subjectId: string): Promise<Actions> {
    const answer = await call(jan, 'GET', `/api/tab/tasks/${subjectId}/actions`);
    expect(answer.status).toBe(200);
    return answer.json as unknown as Actions;
  }

  const posts = () => app.sandbox.stats.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase().endsWith('/knsubjectworkflowreaction')).length;

  it('offers the task\'s actions by position and signature (handle actions first, then the others), never AFAS\'s GUIDs', async () => {
    const claim = await task('Beoordelen declaratie');
    const actions = await actionsOf(claim.subjectId);
    expect(actions).toMatchObject({ state: 'open', subjectId: claim.subjectId, title: claim.title });
    expect(actions.actions.map((a) => [a.index, a.description, a.type])).toEqual([[0, 'Goedkeuren', 1], [1, 'Afkeuren', 1], [2, 'Doorsturen naar controller', 2]]);
    expect(JSON.stringify(actions)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
  });

  it('approving with a reaction text posts once; the task leaves the tile; the audit log says "via tab" without the text; a repeat answers the same without posting', async () => {
    const claim = await task('Beoordelen declaratie');
    const approve = (await actionsOf(claim.subjectId)).actions[0];
    app.sandbox.stats.reset();
    const body = { subjectId: claim.subjectId, action: approve.index, signature: approve.signature, text: 'Akkoord, parkeren bij klant' };
    const done = await call(jan, 'POST', '/api/tab/tasks/act', body);
    expect(done).toEqual({ status: 200, json: { status: 'done', kind: 'action', action: 'Goedkeuren', title: claim.title, at: expect.any(String) } });
    expect(posts()).toBe(1);
    expect(app.sandbox.reactions().at(-1)).toMatchObject({ taskId: claim.id, action: 'Goedkeuren', text: 'Akkoord, parkeren bij klant' });
    expect((await taskItems(jan)).map((i) => i.id)).not.toContain(claim.id);
    const [event] = await app.storage.audit.list({ limit: 1 });
    expect(event).toMatchObject({ action: 'task.action', details: expect.objectContaining({ outcome: 'done', via: 'tab', withText: true }) });
    expect(JSON.stringify(event)).not.toContain('parkeren');

    expect((await call(jan, 'POST', '/api/tab/tasks/act', body)).json).toMatchObject({ status: 'done', action: 'Goedkeuren' });
    expect(posts()).toBe(1);
  });

  it('a forged or altered signature, or a bad body, posts nothing', async () => {
    const leave = await task('Akkoord leidinggevende');
    const [agree] = (await actionsOf(leave.subjectId)).actions;
    app.sandbox.stats.reset();
    const forged = await call(jan, 'POST', '/api/tab/tasks/act', { subjectId: leave.subjectId, action: agree.index, signature: `${agree.signature.slice(0, -2)}AA`, text: '' });
    expect(forged.json).toMatchObject({ status: 'notOffered' });
    expect((await call(jan, 'POST', '/api/tab/tasks/act', { subjectId: leave.subjectId, action: 'approve', signature: agree.signature, text: '' })).status).toBe(400);
    expect((await call(jan, 'POST', '/api/tab/tasks/act', { subjectId: leave.subjectId, action: agree.index, signature: agree.signature, text: 'x'.repeat(1001) })).json).toEqual({ status: 'invalidText', problem: 'tooLong' });
    expect(posts()).toBe(0);
  });

  it('AFAS\'s 500 comes back with its words and reference, 503 as maintenance, 401 as "activate again"; a task gone meanwhile is "already handled"', async () => {
    const leave = await task('Akkoord leidinggevende');
    const [agree] = (await actionsOf(leave.subjectId)).actions;
    const body = { subjectId: leave.subjectId, action: agree.index, signature: agree.signature, text: 'ok' };
    app.sandbox.faults.set({ kind: 'functional-error', path: 'KnSubjectWorkflowReaction', message: 'Budget overschreden', profitLogReference: 'REF-500', times: 1 });
    expect((await call(jan, 'POST', '/api/tab/tasks/act', body)).json).toEqual({ status: 'afasError', title: leave.title, message: 'Budget overschreden', reference: 'REF-500' });
    app.sandbox.faults.set({ kind: 'unavailable', path: 'KnSubjectWorkflowReaction', retryAfterSeconds: 3600, times: 1 });
    const maintenance = await call(jan, 'POST', '/api/tab/tasks/act', body);
    expect(maintenance).toEqual({ status: 503, json: { code: 'afas_failure', failure: { kind: 'maintenance', until: expect.any(String) } } });

    app.sandbox.handleTaskElsewhere(JAN, leave.id, 'Fleur Bakker');
    expect((await call(jan, 'POST', '/api/tab/tasks/act', body)).json).toEqual({ status: 'alreadyHandled', title: null });
    expect((await call(jan, 'GET', `/api/tab/tasks/${leave.subjectId}/actions`)).json).toEqual({ state: 'gone' });

    const fleur = await tokenFor(PERSON.fleur);
    await activate(fleur, FLEUR);
    const hers = app.sandbox.tasksOf(FLEUR)[0];
    const mine = (await taskItems(fleur)).find((i) => i.id === hers.guid_task)!;
    const [first] = ((await call(fleur, 'GET', `/api/tab/tasks/${mine.subjectId}/actions`)).json as unknown as Actions).actions;
    app.sandbox.faults.set({ kind: 'unauthorized', path: 'KnSubjectWorkflowReaction', times: 1 });
    expect(await call(fleur, 'POST', '/api/tab/tasks/act', { subjectId: mine.subjectId, action: first.index, signature: first.signature, text: '' })).toEqual({ status: 409, json: { code: 'activation_needed' } });
    expect((await call(fleur, 'GET', '/api/tab/tile')).json).toMatchObject({ state: 'activate', reason: 'expired' });
  });
});
