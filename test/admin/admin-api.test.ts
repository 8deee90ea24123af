import { AdminHarness, PEOPLE, SECRET_API_KEY, SECRET_ENV_KEY, TENANT_A } from '../support/admin-harness';

type Json = Record<string, unknown>;

const NEW_CONNECTION = { name: 'Productie', environment: 'O12345AA', apiKey: SECRET_API_KEY, environmentKey: SECRET_ENV_KEY };

describe('the admin API', () => {
  let h: AdminHarness;

  beforeEach(async () => {
    h = await AdminHarness.start();
    await h.addOwner('olga');
  });
  afterEach(() => h.close());

  async function createConnection(body: Json = NEW_CONNECTION): Promise<Json> {
    const res = await h.call('olga', 'POST', '/api/admin/connections', body);
    expect(res.status).toBe(201);
    return res.body as Json;
  }

  describe('who may call it', () => {
    it('answers 401 without a Teams sign-in, and changes nothing', async () => {
      for (const [method, path] of [['GET', '/api/admin/connections'], ['POST', '/api/admin/connections'], ['GET', '/api/admin/audit']] as const) {
        const res = await h.call(null, method, path, method === 'POST' ? NEW_CONNECTION : undefined);
        expect([res.status, (res.body as Json).code]).toEqual([401, 'unauthorized']);
      }
      expect(await h.storage.connections.list()).toEqual([]);
    });

    it('answers 403 to someone who is not an app owner, on every endpoint, naming the owners to ask', async () => {
      const id = (await createConnection()).id as string;
      const eventsBefore = (await h.auditActions()).length;
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/admin/me'],
        ['GET', '/api/admin/connections'],
        ['POST', '/api/admin/connections', NEW_CONNECTION],
        ['GET', `/api/admin/connections/${id}`],
        ['PATCH', `/api/admin/connections/${id}`, { name: 'Mine now' }],
        ['DELETE', `/api/admin/connections/${id}`],
        ['PUT', `/api/admin/connections/${id}/secrets`, { apiKey: SECRET_API_KEY }],
        ['POST', `/api/admin/connections/${id}/default`],
        ['POST', `/api/admin/connections/${id}/test`],
        ['GET', `/api/admin/connections/${id}/access`],
        ['PUT', `/api/admin/connections/${id}/access`, { mode: 'everyone' }],
        ['GET', '/api/admin/owners'],
        ['POST', '/api/admin/owners', { upn: 'piet.user@contoso.nl' }],
        ['DELETE', '/api/admin/owners/olga.owner@contoso.nl'],
        ['GET', '/api/admin/audit'],
      ];
      for (const [method, path, body] of calls) {
        const res = await h.call('piet', method, path, body);
        expect({ method, path, status: res.status, code: (res.body as Json).code }).toEqual({ method, path, status: 403, code: 'forbidden' });
        expect((res.body as Json).message).toBe('Only app owners can change the settings of AFAS for Teams. Ask an owner: olga.owner@contoso.nl.');
      }
      expect((await h.storage.connections.get(id))?.name).toBe('Productie');
      expect((await h.storage.owners.list()).map((o) => o.upn)).toEqual(['olga.owner@contoso.nl']);
      expect(await h.auditActions()).toHaveLength(eventsBefore);
    });

    it('tells the tab whether the caller is an owner with a plain 200, logging no refusal for someone who is not', async () => {
      expect(await h.call('olga', 'GET', '/api/admin/role')).toMatchObject({ status: 200, body: { owner: true, tenantId: TENANT_A, actor: 'olga.owner@contoso.nl', everyTenant: false } });
      const refusalsBefore = h.logger.lines.filter((l) => l.message.startsWith('admin request refused')).length;
      expect(await h.call('piet', 'GET', '/api/admin/role')).toMatchObject({ status: 200, body: { owner: false } });
      expect(h.logger.lines.filter((l) => l.message.startsWith('admin request refused'))).toHaveLength(refusalsBefore);
      expect((await h.call(null, 'GET', '/api/admin/role')).status).toBe(401);
    });

    it('knows an owner by object id once seen by UPN, so a token without a UPN still works', async () => {
      expect((await h.call('olga', 'GET', '/api/admin/me')).body).toEqual({ tenantId: TENANT_A, actor: 'olga.owner@contoso.nl', everyTenant: false });
      expect((await h.storage.owners.get(TENANT_A, 'olga.owner@contoso.nl'))?.aadObjectId).toBe(PEOPLE.olga.aadObjectId);
    });

    it('keeps tenants apart: another tenant\'s owner neither sees nor reaches this tenant\'s connection', async () => {
      await h.addOwner('bram');
      const id = (await createConnection()).id as string;
      expect(((await h.call('bram', 'GET', '/api/admin/connections')).body as Json).connections).toEqual([]);
      for (const [method, path] of [['GET', `/api/admin/connections/${id}`], ['PATCH', `/api/admin/connections/${id}`], ['POST', `/api/admin/connections/${id}/test`]] as const) {
        const res = await h.call('bram', method, path, method === 'PATCH' ? { name: 'x' } : undefined);
        expect([res.status, (res.body as Json).code]).toEqual([404, 'not_found']);
      }
      expect(((await h.call('bram', 'GET', '/api/admin/audit')).body as { events: unknown[] }).events).toEqual([]);
    });
  });

  describe('secrets', () => {
    it('are accepted but never appear in any response or log line', async () => {
      const created = await createConnection();
      const id = created.id as string;
      expect(created.secrets).toEqual({ apiKeySet: true, environmentKeySet: true });
      const rotatedApi = 'feed0000feed0000feed0000feed0003';
      const responses = [JSON.stringify(created)];
      for (const [method, path, body] of [
        ['PUT', `/api/admin/connections/${id}/secrets`, { apiKey: rotatedApi }],
        ['PATCH', `/api/admin/connections/${id}`, { environmentKey: SECRET_ENV_KEY, name: 'Productie 2' }],
        ['PUT', `/api/admin/connections/${id}/secrets`, { apiKey: `${SECRET_API_KEY}0` }],
        ['POST', '/api/admin/connections', { ...NEW_CONNECTION, environmentKey: undefined }],
        ['POST', `/api/admin/connections/${id}/test`],
        ['GET', '/api/admin/connections'],
        ['GET', `/api/admin/connections/${id}`],
        ['GET', `/api/admin/connections/${id}/access`],
        ['GET', '/api/admin/owners'],
        ['GET', '/api/admin/audit'],
        ['GET', '/api/admin/me'],
      ] as [string, string, unknown?][]) {
        responses.push((await h.call('olga', method, path, body)).text);
      }
      const everything = responses.join('\n') + h.logger.text() + JSON.stringify(await h.storage.audit.list({ limit: 100 }));
      for (const secret of [SECRET_API_KEY, SECRET_ENV_KEY, rotatedApi]) expect(everything).not.toContain(secret);
      expect(everything).toContain('"apiKeySet":true');
      expect(await h.storage.connections.getSecrets(id)).toEqual({ apiKey: rotatedApi, environmentKey: SECRET_ENV_KEY });
    });

    it('one key is enough to change, but a new connection needs both or neither', async () => {
      const res = await h.call('olga', 'POST', '/api/admin/connections', { ...NEW_CONNECTION, environmentKey: undefined });
      expect(res.status).toBe(400);
      expect((res.body as Json).problems).toEqual([{ field: 'environmentKey', code: 'keysTogether', params: {}, message: 'is required together with the other key (or leave both out and set them later)' }]);
      const bare = await createConnection({ name: 'Zonder sleutels', environment: '12345' });
      expect(bare.secrets).toEqual({ apiKeySet: false, environmentKeySet: false });
      const half = await h.call('olga', 'PUT', `/api/admin/connections/${String(bare.id)}/secrets`, { apiKey: SECRET_API_KEY });
      expect((half.body as Json).problems).toEqual([{ field: 'environmentKey', code: 'environmentKeyNotSet', params: {}, message: 'is required: this connection has no environment key yet' }]);
    });
  });

  describe('every change leaves an audit event', () => {
    it('records who, when and what, with secrets as [set]', async () => {
      await h.addOwner('oscar', null);
      const id = (await createConnection()).id as string;
      await h.call('olga', 'PATCH', `/api/admin/connections/${id}`, { name: 'Productie 2', defaultList: 'signal' });
      await h.call('olga', 'PUT', `/api/admin/connections/${id}/secrets`, { apiKey: SECRET_API_KEY, environmentKey: SECRET_ENV_KEY });
      await h.call('olga', 'POST', `/api/admin/connections/${id}/default`);
      await h.call('olga', 'PUT', `/api/admin/connections/${id}/access`, { mode: 'listed', users: ['piet.user@contoso.nl'] });
      await h.call('olga', 'POST', '/api/admin/owners', { upn: 'Piet.User@contoso.nl', displayName: 'Piet' });
      await h.call('olga', 'DELETE', '/api/admin/owners/piet.user@contoso.nl');
      await h.call('olga', 'POST', `/api/admin/connections/${id}/test`);
      await h.call('olga', 'DELETE', `/api/admin/connections/${id}`);
      expect(await h.auditActions()).toEqual([
        'connection.create',
        'connection.update',
        'connection.secrets',
        'connection.default',
        'access.update',
        'owner.add',
        'owner.remove',
        'connection.test',
        'connection.remove',
      ]);
      const events = ((await h.call('olga', 'GET', '/api/admin/audit?limit=20')).body as { events: Json[] }).events;
      expect(events[0]).toMatchObject({ actor: 'olga.owner@contoso.nl', action: 'connection.remove', target: id, tenantId: TENANT_A, at: '2026-03-02T08:00:00.000Z' });
      const byAction = Object.fromEntries(events.map((e) => [e.action, e.details]));
      expect(byAction['connection.create']).toMatchObject({ apiKey: '[set]', environmentKey: '[set]', settings: { name: 'Productie', environment: 'O12345AA' } });
      expect(byAction['connection.update']).toEqual({ changes: { name: { from: 'Productie', to: 'Productie 2' }, defaultList: { from: 'task', to: 'signal' } } });
      expect(byAction['connection.secrets']).toEqual({ apiKey: '[set]', environmentKey: '[set]' });
      expect(byAction['access.update']).toEqual({ mode: { from: 'everyone', to: 'listed' }, added: ['piet.user@contoso.nl'], removed: [] });
      expect(((await h.call('olga', 'GET', `/api/admin/audit?limit=2&beforeId=${String(events[1].id)}`)).body as { events: Json[] }).events.map((e) => e.action)).toEqual(['owner.remove', 'owner.add']);
    });

    it('names the connection an event concerns: by its name now, and a removed one by the name it had', async () => {
      const kept = (await createConnection()).id as string;
      const gone = (await createConnection({ ...NEW_CONNECTION, name: 'Oud' })).id as string;
      await h.call('olga', 'PATCH', `/api/admin/connections/${kept}`, { name: 'Productie 2' });
      await h.call('olga', 'POST', `/api/admin/connections/${kept}/test`);
      await h.call('olga', 'DELETE', `/api/admin/connections/${gone}`);
      await h.call('olga', 'POST', '/api/admin/owners', { upn: 'piet.user@contoso.nl' });
      const events = ((await h.call('olga', 'GET', '/api/admin/audit')).body as { events: Json[] }).events;
      expect(events.map((e) => [e.action, e.target === kept ? 'kept' : e.target === gone ? 'gone' : e.target, e.targetName])).toEqual([
        ['owner.add', 'piet.user@contoso.nl', null],
        ['connection.remove', 'gone', 'Oud'],
        ['connection.test', 'kept', 'Productie 2'],
        ['connection.update', 'kept', 'Productie 2'],
        ['connection.create', 'gone', 'Oud'],
        ['connection.create', 'kept', 'Productie 2'],
      ]);
    });

    it('a save that changes nothing records nothing', async () => {
      const id = (await createConnection()).id as string;
      await h.call('olga', 'PATCH', `/api/admin/connections/${id}`, { name: 'Productie' });
      expect(await h.auditActions()).toEqual(['connection.create']);
    });
  });

  describe('connections', () => {
    it('resolves the environment and fills InSite and the default tasks URL from the participant', async () => {
      const created = await createConnection({ name: 'Test', environment: '12345', environmentType: 'test' });
      expect(created).toMatchObject({
        tenantId: TENANT_A,
        baseUrl: 'https://12345.resttest.afas.online/ProfitRestServices',
        insiteUrl: 'https://12345.afasinsite.nl',
        defaultTasksUrl: 'https://12345.afasinsite.nl',
        tasksConnector: 'Teams_Tasks',
        signalsConnector: 'Teams_Signals',
        enabled: true,
        changeable: true,
        fromConfiguration: false,
      });
      const moved = await h.call('olga', 'PATCH', `/api/admin/connections/${String(created.id)}`, { environment: 'A54321AB' });
      expect(moved.body).toMatchObject({ baseUrl: 'https://54321.restaccept.afas.online/ProfitRestServices', insiteUrl: 'https://54321.afasinsite.nl', defaultTasksUrl: 'https://54321.afasinsite.nl' });
    });

    it('explains every wrong field in plain words, by name, without echoing what was typed', async () => {
      const res = await h.call('olga', 'POST', '/api/admin/connections', {
        name: '',
        environment: 'X99',
        insiteUrl: 'http://insite.contoso.nl',
        taskUrlTemplate: 'https://{host}.afasinsite.nl/taak?id={guid_task}',
        signalUrlTemplate: 'https://12345.afasinsite.nl/signaal?id={guid signal}',
        apiKey: 'not-a-key-but-a-secret-anyway',
        environmentKey: SECRET_ENV_KEY,
        useDefaultTasksUrl: 'yes',
        colour: 'blue',
      });
      expect(res.status).toBe(400);
      const fields = ((res.body as Json).problems as { field: string }[]).map((p) => p.field).sort();
      expect(fields).toEqual(['apiKey', 'colour', 'environment', 'insiteUrl', 'name', 'signalUrlTemplate', 'taskUrlTemplate', 'useDefaultTasksUrl']);
      const message = (res.body as Json).message as string;
      expect(message).toContain('insiteUrl must use https:// (http:// is accepted only for localhost)');
      expect(message).toContain('taskUrlTemplate may use {field} placeholders only after the host name');
      expect(message).toContain('apiKey must be 32 hexadecimal characters');
      expect(message).toContain('useDefaultTasksUrl must be true or false');
      expect(res.text).not.toContain('not-a-key-but-a-secret-anyway');
      expect(res.text).not.toContain(SECRET_ENV_KEY);

      const env = await h.call('olga', 'POST', '/api/admin/connections', { name: 'x', environment: 'https://12345.example.nl/ProfitRestServices' });
      expect((env.body as Json).problems).toEqual([
        { field: 'insiteUrl', code: 'insiteUrlRequired', params: {}, message: 'is required when the environment is a URL without a participant number (for example https://12345.afasinsite.nl)' },
        { field: 'environment', code: 'notAfasHost', params: {}, message: expect.stringContaining('must be an AFAS Online environment') },
      ]);
      const badEnv = await h.call('olga', 'POST', '/api/admin/connections', { name: 'x', environment: 'O1234AA' });
      expect((badEnv.body as Json).problems).toEqual([{ field: 'environment', code: 'notEnvironment', params: {}, message: expect.stringContaining('must be an environment name such as O12345AA') }]);
    });

    it('refuses a body that is not a JSON object', async () => {
      const res = await fetch(`${h.origin}/api/admin/connections`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-caller': 'olga' }, body: '[1,2]' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'bad_request', message: 'The request body must be a JSON object.' });
    });

    it('keeps one default per tenant', async () => {
      const first = await createConnection({ ...NEW_CONNECTION, isDefault: true });
      const second = await createConnection({ ...NEW_CONNECTION, name: 'Tweede' });
      await h.call('olga', 'POST', `/api/admin/connections/${String(second.id)}/default`);
      const list = ((await h.call('olga', 'GET', '/api/admin/connections')).body as { connections: Json[] }).connections;
      expect(Object.fromEntries(list.map((c) => [c.id, c.isDefault]))).toEqual({ [String(first.id)]: false, [String(second.id)]: true });
    });

    it('task actions are on with AFAS\'s connector names unless an owner changes them; a change keeps what it leaves out', async () => {
      const created = await createConnection({ ...NEW_CONNECTION, name: 'Acties' });
      expect(created.taskActions).toEqual({ enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' });
      const path = `/api/admin/connections/${String(created.id)}`;
      await h.call('olga', 'PATCH', path, { taskActions: { workflowActionsConnector: 'Eigen_Acties' } });
      const off = await h.call('olga', 'PATCH', path, { taskActions: { enabled: false } });
      expect((off.body as Json).taskActions).toEqual({ enabled: false, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Eigen_Acties', reactionConnector: 'KnSubjectWorkflowReaction' });
      expect(((await h.call('olga', 'GET', path)).body as Json).taskActions).toMatchObject({ enabled: false, workflowActionsConnector: 'Eigen_Acties' });
      const bad = await h.call('olga', 'PATCH', path, { taskActions: { reactionConnector: 'no spaces' } });
      expect(bad.status).toBe(400);
    });

    it('the AFAS_* connection: only owners of every tenant change it, and only what the settings do not decide', async () => {
      await h.registerSharedDefault();
      await h.addOwner('oscar', null);
      const tenantOwner = await h.call('olga', 'PATCH', '/api/admin/connections/default', { taskFieldMap: { title: 'omschrijving' } });
      expect([tenantOwner.status, (tenantOwner.body as Json).code]).toEqual([403, 'forbidden']);
      expect(((await h.call('olga', 'GET', '/api/admin/connections/default')).body as Json).changeable).toBe(false);
      const fieldMap = await h.call('oscar', 'PATCH', '/api/admin/connections/default', { taskFieldMap: { title: 'omschrijving' }, enabled: true });
      expect(fieldMap.body).toMatchObject({ taskFieldMap: { title: 'omschrijving' }, fromConfiguration: true, changeable: true });
      const env = await h.call('oscar', 'PATCH', '/api/admin/connections/default', { environment: 'O54321AA' });
      expect((env.body as Json).problems).toEqual([{ field: 'environment', code: 'fromSettings', params: {}, message: 'comes from the AFAS_* settings for this connection: change it there and restart' }]);
      expect((await h.call('oscar', 'DELETE', '/api/admin/connections/default')).status).toBe(409);
    });
  });

  describe('access', () => {
    it('is everyone until set; a list takes UPNs and object ids, and names what it cannot read', async () => {
      const id = (await createConnection()).id as string;
      expect((await h.call('olga', 'GET', `/api/admin/connections/${id}/access`)).body).toMatchObject({ mode: 'everyone', users: [] });
      const bad = await h.call('olga', 'PUT', `/api/admin/connections/${id}/access`, { mode: 'listed', users: ['piet.user@contoso.nl', 'just a name'] });
      expect((bad.body as Json).problems).toEqual([{ field: 'users.1', code: 'notAPerson', params: { text: 'just a name' }, message: '("just a name") is neither a user principal name (name@example.com) nor an Entra object id' }]);
      const empty = await h.call('olga', 'PUT', `/api/admin/connections/${id}/access`, { mode: 'listed' });
      expect((empty.body as Json).problems).toEqual([{ field: 'users', code: 'nobodyListed', params: {}, message: 'must name at least one person when only listed people may use the app' }]);
      const ok = await h.call('olga', 'PUT', `/api/admin/connections/${id}/access`, { mode: 'listed', users: ['Piet.User@Contoso.nl', PEOPLE.bram.aadObjectId.toUpperCase()] });
      expect(ok.body).toMatchObject({ mode: 'listed', tenantId: TENANT_A, users: [{ upn: null, aadObjectId: PEOPLE.bram.aadObjectId }, { upn: 'piet.user@contoso.nl', aadObjectId: null }] });
    });

    it('a shared connection has a list per tenant', async () => {
      await h.registerSharedDefault();
      await h.addOwner('bram');
      await h.call('olga', 'PUT', '/api/admin/connections/default/access', { mode: 'listed', users: ['piet.user@contoso.nl'] });
      expect(((await h.call('bram', 'GET', '/api/admin/connections/default/access')).body as Json).mode).toBe('everyone');
    });
  });

  describe('owners', () => {
    it('adds and removes owners, but never the last one, never twice, and never one from APP_OWNERS', async () => {
      const added = await h.call('olga', 'POST', '/api/admin/owners', { upn: 'Piet.User@contoso.nl', displayName: 'Piet Gebruiker' });
      expect([added.status, added.body]).toEqual([201, expect.objectContaining({ upn: 'piet.user@contoso.nl', tenantId: TENANT_A, source: 'added', addedBy: 'olga.owner@contoso.nl' })]);
      expect((await h.call('olga', 'POST', '/api/admin/owners', { upn: 'piet.user@contoso.nl' })).status).toBe(409);
      expect((await h.call('piet', 'GET', '/api/admin/me')).status).toBe(200);
      expect((await h.call('piet', 'DELETE', '/api/admin/owners/olga.owner@contoso.nl')).status).toBe(204);
      const last = await h.call('piet', 'DELETE', '/api/admin/owners/piet.user@contoso.nl');
      expect(last.status).toBe(409);
      expect((last.body as Json).message).toBe(`piet.user@contoso.nl is the last owner of tenant ${TENANT_A}: add another owner first, so someone can still change the settings.`);
      await h.addOwner('oscar', null, 'config');
      const configured = await h.call('piet', 'DELETE', '/api/admin/owners/oscar@operator.nl?everyTenant=true');
      expect(configured.status).toBe(403);
      const asOperator = await h.call('oscar', 'DELETE', '/api/admin/owners/oscar@operator.nl?everyTenant=true');
      expect([asOperator.status, (asOperator.body as Json).code]).toEqual([409, 'owner_from_configuration']);
      expect((await h.call('olga', 'GET', '/api/admin/owners')).status).toBe(403);
    });

    it('only owners of every tenant add owners of every tenant', async () => {
      expect((await h.call('olga', 'POST', '/api/admin/owners', { upn: 'x@contoso.nl', everyTenant: true })).status).toBe(403);
      await h.addOwner('oscar', null);
      const res = await h.call('oscar', 'POST', '/api/admin/owners', { upn: 'x@contoso.nl', everyTenant: true });
      expect(res.body).toMatchObject({ tenantId: null });
      expect(((await h.call('olga', 'GET', '/api/admin/owners')).body as { owners: Json[] }).owners.map((o) => o.upn)).toEqual(['oscar@operator.nl', 'x@contoso.nl', 'olga.owner@contoso.nl']);
    });
  });
});
