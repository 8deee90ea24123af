import { configuredOwners } from '../../src/composition/configured-owners';
import { PLAYGROUND_PEOPLE } from '../../src/dev/playground-identities';
import { AdminHarness, PEOPLE } from '../support/admin-harness';

type Json = Record<string, unknown>;
const JAN = PLAYGROUND_PEOPLE[0].userPrincipalName;

/**
 * Demo mode without APP_OWNERS makes the development host's first person an owner of every tenant.
 * The admin API says so (`source: 'demo'`) instead of claiming APP_OWNERS lists him.
 */
describe('the demo owner, through the admin API', () => {
  let h: AdminHarness;

  beforeEach(async () => {
    h = await AdminHarness.start();
    await h.addOwner('olga');
  });
  afterEach(() => h.close());

  const start = (appOwners: string[]) => h.admin.syncConfiguredOwners.execute(configuredOwners({ demo: true, appOwners }));
  const owner = async (upn: string): Promise<Json | undefined> =>
    ((await h.call('olga', 'GET', '/api/admin/owners')).body as { owners: Json[] }).owners.find((o) => o.upn === upn);

  it('shows Jan as the demo owner, not as one from APP_OWNERS, and the audit log says why he was added', async () => {
    await start([]);
    expect(await owner(JAN)).toMatchObject({ tenantId: null, source: 'demo', addedBy: 'demo' });
    const [event] = await h.storage.audit.list({ limit: 1 });
    expect([event.actor, event.action, event.target, event.details]).toEqual(['demo', 'owner.add', JAN, { source: 'demo', everyTenant: true }]);
  });

  it('a demo owner recorded as APP_OWNERS by an earlier start is relabelled, keeping his object id', async () => {
    await h.storage.owners.add({ tenantId: null, upn: JAN, aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a', displayName: null, source: 'config', addedBy: 'config', addedAt: h.clock.now() });
    expect(await start([])).toEqual({ added: [], removed: [] });
    expect(await owner(JAN)).toMatchObject({ source: 'demo', aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a' });
  });

  it('setting APP_OWNERS replaces the demo owner; listing him there makes him an APP_OWNERS owner', async () => {
    await start([]);
    expect(await start([PEOPLE.oscar.upn])).toEqual({ added: [PEOPLE.oscar.upn], removed: [JAN] });
    expect(await owner(JAN)).toBeUndefined();
    await start([JAN]);
    expect(await owner(JAN)).toMatchObject({ source: 'config', addedBy: 'config' });
  });

  it('cannot be removed in the screen, and the refusal tells how to replace him', async () => {
    await start([]);
    await h.addOwner('oscar', null);
    const res = await h.call('oscar', 'DELETE', `/api/admin/owners/${JAN}?everyTenant=true`);
    expect([res.status, (res.body as Json).code]).toEqual([409, 'owner_from_configuration']);
    expect((res.body as Json).message).toBe(`${JAN} is the demo owner because APP_OWNERS is not set: set APP_OWNERS and restart.`);
  });
});
