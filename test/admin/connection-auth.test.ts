import { AdminHarness, PEOPLE, SECRET_API_KEY, SECRET_ENV_KEY, TENANT_A, type Person } from '../support/admin-harness';

type Json = Record<string, unknown>;

const CLIENT_SECRET = 'sEcReT-0f-the-0auth-cl1ent-9d8e7f';
const NEW_CONNECTION = { name: 'Productie', environment: 'O12345AA', apiKey: SECRET_API_KEY, environmentKey: SECRET_ENV_KEY };

describe('the admin API: how a connection signs in to AFAS (auth mode, OAuth client, counts)', () => {
  let h: AdminHarness;
  let id: string;

  beforeEach(async () => {
    h = await AdminHarness.start();
    await h.addOwner('olga');
    await h.addOwner('bram');
    const created = await h.call('olga', 'POST', '/api/admin/connections', NEW_CONNECTION);
    id = (created.body as Json).id as string;
  });
  afterEach(() => h.close());

  async function signInWithOAuth(person: Person, connectionId: string): Promise<void> {
    const who = PEOPLE[person];
    const tokens = { accessToken: `access-${person}`, refreshToken: `refresh-${person}`, expiresAt: new Date(h.clock.now().getTime() + 3_600_000) };
    await h.storage.oauthTokens.saveSignIn({ user: { tenantId: who.tenantId, aadObjectId: who.aadObjectId }, connectionId, afasUserId: `${person}@afas.example`, activatedAt: h.clock.now() }, tokens);
  }

  it('a new connection is classic, with the redirect URI to register in AFAS and no secret set', async () => {
    const res = await h.call('olga', 'GET', `/api/admin/connections/${id}/auth`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      connectionId: id,
      authMode: 'classic',
      clientId: null,
      clientSecretSet: false,
      scope: '',
      redirectUri: 'https://teams-app.example.nl/auth/afas/callback',
      users: { classic: 0, oauth: 0 },
      classicEndWarning: false,
      fromConfiguration: false,
      changeable: true,
    });
  });

  it('an owner switches to "both" with a client id, secret and scope: the secret is stored sealed, said only as set, and never in the answer, the audit or the log', async () => {
    const res = await h.call('olga', 'PUT', `/api/admin/connections/${id}/auth`, { authMode: 'both', clientId: 'teams-app', clientSecret: CLIENT_SECRET, scope: 'profit' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ authMode: 'both', clientId: 'teams-app', clientSecretSet: true, scope: 'profit' });
    expect(res.text).not.toContain(CLIENT_SECRET);
    expect(await h.storage.connectionOAuth.get(id)).toEqual({ authMode: 'both', clientId: 'teams-app', scope: 'profit' });
    expect(await h.storage.connectionOAuth.getClientSecret(id)).toBe(CLIENT_SECRET);

    const [event] = await h.storage.audit.list({ limit: 1 });
    expect(event).toMatchObject({ action: 'connection.auth', actor: PEOPLE.olga.upn, target: id, tenantId: TENANT_A });
    expect(event.details).toEqual({ changes: { authMode: { from: 'classic', to: 'both' }, clientId: { from: null, to: 'teams-app' }, scope: { from: '', to: 'profit' }, clientSecret: '[set]' } });
    const everything = JSON.stringify([await h.storage.audit.list({ limit: 50 }), h.logger.lines, (await h.call('olga', 'GET', `/api/admin/connections/${id}/auth`)).text]);
    expect(everything).not.toContain(CLIENT_SECRET);

    // A change that leaves the secret out keeps it; removing it is audited as removed.
    await h.call('olga', 'PUT', `/api/admin/connections/${id}/auth`, { scope: '' });
    expect(await h.storage.connectionOAuth.getClientSecret(id)).toBe(CLIENT_SECRET);
    const back = await h.call('olga', 'PUT', `/api/admin/connections/${id}/auth`, { authMode: 'classic', clientSecret: null });
    expect(back.body).toMatchObject({ authMode: 'classic', clientSecretSet: false });
    expect((await h.storage.audit.list({ limit: 1 }))[0].details).toEqual({ changes: { authMode: { from: 'both', to: 'classic' }, clientSecretRemoved: true } });
  });

  it('OAuth without a client id or secret is refused, naming both fields, and nothing is saved', async () => {
    const res = await h.call('olga', 'PUT', `/api/admin/connections/${id}/auth`, { authMode: 'oauth' });
    expect(res.status).toBe(400);
    const problems = (res.body as { problems: { field: string; code: string }[] }).problems;
    expect(problems.map((p) => [p.field, p.code])).toEqual([['clientId', 'oauthClientRequired'], ['clientSecret', 'oauthClientRequired']]);
    expect((await h.storage.connectionOAuth.get(id)).authMode).toBe('classic');
    expect((await h.call('olga', 'PUT', `/api/admin/connections/${id}/auth`, { authMode: 'sometimes' })).status).toBe(400);
  });

  it('the connection from the AFAS_* settings is read-only here: its values come from AFAS_AUTH_MODE and AFAS_OAUTH_*', async () => {
    await h.registerSharedDefault();
    await h.storage.connectionOAuth.save('default', { authMode: 'oauth', clientId: 'from-config', scope: '' }, h.clock.now(), CLIENT_SECRET);
    await h.addOwner('oscar', null);
    const view = await h.call('oscar', 'GET', '/api/admin/connections/default/auth');
    expect(view.body).toMatchObject({ authMode: 'oauth', clientId: 'from-config', clientSecretSet: true, fromConfiguration: true, changeable: false });
    const res = await h.call('oscar', 'PUT', '/api/admin/connections/default/auth', { authMode: 'classic' });
    expect(res.status).toBe(400);
    expect((res.body as { problems: { field: string; code: string }[] }).problems).toEqual([expect.objectContaining({ field: 'authMode', code: 'authFromSettings' })]);
    expect((await h.storage.connectionOAuth.get('default')).authMode).toBe('oauth');
  });

  it("another tenant's owner gets 404 for its sign-in settings, users and invite", async () => {
    for (const [method, path] of [['GET', 'auth'], ['PUT', 'auth'], ['GET', 'users'], ['POST', 'auth/invite']] as const) {
      const res = await h.call('bram', method, `/api/admin/connections/${id}/${path}`, method === 'PUT' ? { authMode: 'classic' } : undefined);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('counts the activated users on classic tokens and on OAuth, and lists them with how each signs in', async () => {
    await h.activate('olga', id);
    await h.activate('piet', id);
    await signInWithOAuth('oscar', id);
    const view = await h.call('olga', 'GET', `/api/admin/connections/${id}/auth`);
    expect((view.body as Json).users).toEqual({ classic: 2, oauth: 1 });
    const users = await h.call('olga', 'GET', `/api/admin/connections/${id}/users`);
    expect(users.status).toBe(200);
    const listed = (users.body as { users: Json[] }).users.map((u) => [u.aadObjectId, u.authKind]);
    expect(listed).toEqual(
      expect.arrayContaining([
        [PEOPLE.olga.aadObjectId, 'classic'],
        [PEOPLE.piet.aadObjectId, 'classic'],
        [PEOPLE.oscar.aadObjectId, 'oauth'],
      ]),
    );
    expect(listed).toHaveLength(3);
  });

  it('from 1 June 2027 (Amsterdam) the view warns while classic users remain, and not once none is left', async () => {
    await h.activate('piet', id);
    const warning = async () => ((await h.call('olga', 'GET', `/api/admin/connections/${id}/auth`)).body as Json).classicEndWarning;
    h.clock.set('2027-05-31T21:59:59Z');
    expect(await warning()).toBe(false);
    h.clock.set('2027-05-31T22:00:00Z');
    expect(await warning()).toBe(true);
    await signInWithOAuth('piet', id);
    expect(await warning()).toBe(false);
  });

  it('inviting classic users needs OAuth on: a classic connection is refused naming the auth mode', async () => {
    const res = await h.call('olga', 'POST', `/api/admin/connections/${id}/auth/invite`);
    expect(res.status).toBe(400);
    expect((res.body as { problems: { field: string; code: string }[] }).problems).toEqual([expect.objectContaining({ field: 'authMode', code: 'oauthNotOn' })]);
  });
});
