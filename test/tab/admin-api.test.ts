import type { Request } from 'restify';
import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { AppError } from '../../src/domain/app-error';
import { HttpAdminApi } from '../../tab/admin/admin-api';
import { TabApiError } from '../../tab/api-client';
import { AdminHarness, PEOPLE, SECRET_API_KEY, SECRET_ENV_KEY, TENANT_A, type Person } from '../support/admin-harness';

/**
 * The tab's admin client against the real admin API (restify, SQLite, the AFAS sandbox): every
 * answer must pass the tab's schemas. Only the Teams SSO check is replaced: the bearer token names a person.
 */
describe('the admin API client against the admin API', () => {
  let harness: AdminHarness;
  const sent: string[] = [];
  const client = (person: Person) =>
    new HttpAdminApi({
      getToken: async () => person,
      fetch: (async (url: string, init: RequestInit) => {
        sent.push(`${init.method} ${url.replace(harness.origin, '')} ${String(init.body ?? '')}`);
        return fetch(url, init);
      }) as typeof fetch,
      baseUrl: harness.origin,
    });

  beforeEach(async () => {
    sent.length = 0;
    harness = await AdminHarness.start({
      authenticate: async (req: Request) => {
        const name = /^Bearer (\w+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (!name || !(name in PEOPLE)) throw new AppError('unauthenticated', 'Sign in with Teams first.');
        return PEOPLE[name as Person];
      },
    });
    await harness.addOwner('olga');
  });
  afterEach(() => harness.close());

  it('does everything the admin screen does, and every answer fits the tab\'s contract', async () => {
    const olga = client('olga');
    expect(await olga.me()).toEqual({ tenantId: TENANT_A, actor: 'olga.owner@contoso.nl', everyTenant: false });
    const created = await olga.createConnection({ name: 'Sandbox', environment: harness.sandboxBaseUrl, insiteUrl: 'https://12345.afasinsite.nl', taskUrlTemplate: '', apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY });
    expect(created).toMatchObject({ name: 'Sandbox', tenantId: TENANT_A, secrets: { apiKeySet: true, environmentKeySet: true }, changeable: true, taskUrlTemplate: null });
    expect((await olga.connections()).map((c) => c.id)).toEqual([created.id]);
    expect(await olga.updateConnection(created.id, { name: 'Sandbox 2', taskFieldMap: { date: 'submitdate' } })).toMatchObject({ name: 'Sandbox 2', taskFieldMap: { date: 'submitdate' } });
    expect((await olga.setDefaultConnection(created.id)).isDefault).toBe(true);

    expect((await olga.testConnection(created.id)).outcome).toBe('not_confirmable');
    await harness.activate('olga', created.id);
    harness.sandbox.removeConnectorField('Teams_Tasks', 'description');
    const check = await olga.testConnection(created.id);
    expect(check.outcome).toBe('problems');
    expect(check.connectors.find((c) => c.kind === 'task')?.missingFields).toEqual([{ field: 'description', usedFor: ['title'] }]);

    expect(await olga.setAccessRule(created.id, { mode: 'listed', users: ['piet.user@contoso.nl'] })).toMatchObject({ mode: 'listed', users: [{ upn: 'piet.user@contoso.nl', aadObjectId: null }] });
    expect((await olga.accessRule(created.id)).mode).toBe('listed');
    expect((await olga.addOwner('Piet.User@contoso.nl')).upn).toBe('piet.user@contoso.nl');
    expect((await olga.owners()).map((o) => o.upn).sort()).toEqual(['olga.owner@contoso.nl', 'piet.user@contoso.nl']);
    await olga.removeOwner('piet.user@contoso.nl', false);
    await olga.removeConnection(created.id);

    const events = await olga.audit({ limit: 3 });
    expect(events.map((e) => e.action)).toEqual(['connection.remove', 'owner.remove', 'owner.add']);
    expect((await olga.audit({ limit: 50, beforeId: events[2].id })).map((e) => e.action)).toEqual(['access.update', 'connection.test', 'connection.test', 'connection.default', 'connection.update', 'connection.create']);
    expect(sent.filter((s) => s.includes(DEMO_API_KEY))).toEqual([expect.stringMatching(/^POST \/api\/admin\/connections \{/)]);
  });

  it('keeps keys out of what it returns even if a server sent them', async () => {
    const olga = client('olga');
    const created = await olga.createConnection({ name: 'Prod', environment: 'O12345AA', apiKey: SECRET_API_KEY, environmentKey: SECRET_ENV_KEY });
    const leaky = new HttpAdminApi({ getToken: async () => 'olga', fetch: (async () => new Response(JSON.stringify({ ...created, apiKey: SECRET_API_KEY, environmentKey: SECRET_ENV_KEY }), { status: 200 })) as unknown as typeof fetch });
    const parsed = await leaky.updateConnection(created.id, {});
    expect(JSON.stringify(parsed)).not.toContain(SECRET_API_KEY);
    expect(JSON.stringify(await olga.connections())).not.toContain(SECRET_ENV_KEY);
  });

  it('says someone is not an owner without a failing request, rejects their admin calls with 403 and the API\'s sentence, and a bad connection with each problem', async () => {
    await expect(client('piet').me()).resolves.toBeNull();
    const refused = (await client('piet').connections().catch((e: unknown) => e)) as TabApiError;
    expect([refused.status, refused.problem.code]).toEqual([403, 'forbidden']);
    expect(refused.problem.message).toBe('Only app owners can change the settings of AFAS for Teams. Ask an owner: olga.owner@contoso.nl.');

    const invalid = (await client('olga').createConnection({ name: '', environment: 'nowhere', apiKey: 'short' }).catch((e: unknown) => e)) as TabApiError;
    expect([invalid.status, invalid.problem.code]).toEqual([400, 'validation_failed']);
    expect(invalid.problem.problems?.map((p) => p.field).sort()).toEqual(['apiKey', 'environment', 'name']);
  });
});
