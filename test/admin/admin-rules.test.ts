import type { Storage } from '../../src/ports/storage';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage } from '../../src/storage/open-storage';
import { redactSecrets } from '../../src/use-cases/admin/audit-trail';
import { templateProblem } from '../../src/use-cases/admin/connection-input';
import { SyncConfiguredOwners } from '../../src/use-cases/admin/sync-configured-owners';
import { CheckAccess } from '../../src/use-cases/check-access';
import { FakeClock } from '../fakes/fake-clock';

describe('link templates', () => {
  it.each([
    ['https://12345.afasinsite.nl/taak?id={guid_task}', null],
    ['http://localhost:3978/sandbox/insite/taak?id={guid_task}', null],
    ['https://12345.afasinsite.nl/{subjectid}/taak', null],
    ['https://{host}.afasinsite.nl/taak', 'templatePlaceholderInHost'],
    ['https://12345.afasinsite.nl/taak?id={guid task}', 'templateBraces'],
    ['https://12345.afasinsite.nl/taak?id={guid_task', 'templateBraces'],
    ['http://12345.afasinsite.nl/taak', 'notHttps'],
    ['https://user:pw@12345.afasinsite.nl/taak', 'hasCredentials'],
    ['javascript:alert(1)', 'notHttps'],
    ['taak?id={guid_task}', 'notFullUrl'],
  ])('%s → %s', (template, problem) => {
    expect(templateProblem(template)).toBe(problem);
  });
});

describe('audit details', () => {
  it('never carry a secret, at any depth, under any secret-sounding name', () => {
    expect(redactSecrets({ apiKey: 'k', nested: { environmentKey: 'e', token: 't', name: 'n' }, changes: { apiKey: { from: 'a', to: 'b' } }, list: [{ password: 'p' }], empty: '' })).toEqual({
      apiKey: '[set]',
      nested: { environmentKey: '[set]', token: '[set]', name: 'n' },
      changes: { apiKey: { from: '[set]', to: '[set]' } },
      list: [{ password: '[set]' }],
      empty: '',
    });
  });
});

describe('with storage', () => {
  let storage: Storage;
  const clock = new FakeClock('2026-03-02T08:00:00Z');

  beforeEach(async () => {
    storage = await openStorage({ dataDir: ':memory:', secretBox: new AesGcmSecretBox({ current: Buffer.alloc(32, 4) }) });
  });
  afterEach(() => storage.close());

  it('APP_OWNERS becomes the configured owners of every tenant: new ones added, dropped ones removed, others kept', async () => {
    const sync = new SyncConfiguredOwners({ owners: storage.owners, audit: storage.audit, clock });
    expect(await sync.execute({ upns: ['Anna@Contoso.nl', 'bob@contoso.nl'], demo: false })).toEqual({ added: ['anna@contoso.nl', 'bob@contoso.nl'], removed: [] });
    await storage.owners.add({ tenantId: null, upn: 'carol@contoso.nl', aadObjectId: null, displayName: null, source: 'added', addedBy: 'cli:root', addedAt: clock.now() });
    expect(await sync.execute({ upns: ['bob@contoso.nl'], demo: false })).toEqual({ added: [], removed: ['anna@contoso.nl'] });
    expect(await sync.execute({ upns: ['bob@contoso.nl'], demo: false })).toEqual({ added: [], removed: [] });
    expect((await storage.owners.list()).map((o) => [o.upn, o.source])).toEqual([['bob@contoso.nl', 'config'], ['carol@contoso.nl', 'added']]);
    expect((await storage.audit.list({ limit: 10 })).map((e) => [e.actor, e.action, e.target])).toEqual([
      ['config', 'owner.remove', 'anna@contoso.nl'],
      ['config', 'owner.add', 'bob@contoso.nl'],
      ['config', 'owner.add', 'anna@contoso.nl'],
    ]);
  });

  describe('the access check', () => {
    const jan = { tenantId: 'tenant-a', aadObjectId: 'aad-jan' };
    const check = () => new CheckAccess({ connections: storage.connections, activations: storage.activations, accessRules: storage.accessRules, owners: storage.owners });
    const connection = (id: string, tenantId: string | null, isDefault = true) =>
      storage.connections.save({
        id,
        tenantId,
        name: id,
        environment: 'O12345AA',
        baseUrl: 'https://12345.rest.afas.online/ProfitRestServices',
        insiteUrl: 'https://12345.afasinsite.nl',
        tasksConnector: 'Teams_Tasks',
        signalsConnector: 'Teams_Signals',
        taskFieldMap: {},
        signalFieldMap: {},
        taskUrlTemplate: null,
        signalUrlTemplate: null,
        defaultTasksUrl: 'https://12345.afasinsite.nl',
        useDefaultTasksUrl: false,
        taskActions: { enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' },
        defaultList: 'task',
        isDefault,
        enabled: true,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
    const listed = (connectionId: string, entries: { upn: string | null; aadObjectId: string | null }[]) =>
      storage.accessRules.save({ tenantId: 'tenant-a', connectionId, mode: 'listed', entries, updatedBy: 'x', updatedAt: clock.now() });

    it('lets everyone through when there is no connection yet (the caller reports that)', async () => {
      expect(await check().execute({ user: jan, upn: null })).toEqual({ allowed: true, connectionId: null });
    });

    it('asks for the UPN only when a listed UPN could decide, and at most once', async () => {
      await connection('c1', 'tenant-a');
      let asked = 0;
      const upn = async () => {
        asked += 1;
        return 'jan@contoso.nl';
      };
      expect(await check().execute({ user: jan, upn })).toEqual({ allowed: true, connectionId: 'c1' });
      await listed('c1', [{ upn: null, aadObjectId: 'aad-jan' }]);
      expect((await check().execute({ user: jan, upn })).allowed).toBe(true);
      expect(asked).toBe(0);
      await listed('c1', [{ upn: 'someone@contoso.nl', aadObjectId: null }]);
      expect(await check().execute({ user: jan, upn })).toEqual({ allowed: false, connectionId: 'c1', owners: [] });
      expect(asked).toBe(1);
    });

    it('decides for the connection the user activated with, not the tenant\'s new default', async () => {
      await connection('old', 'tenant-a', false);
      await connection('new', 'tenant-a', true);
      await listed('old', [{ upn: 'someone@contoso.nl', aadObjectId: null }]);
      expect((await check().execute({ user: jan, upn: null })).allowed).toBe(true);
      await storage.activations.save({ user: jan, connectionId: 'old', afasUserId: 'jan@contoso.nl', activatedAt: clock.now() }, 'token');
      expect(await check().execute({ user: jan, upn: null })).toMatchObject({ allowed: false, connectionId: 'old' });
    });

    it('names the tenant\'s own owners as "Name (upn)", the operator\'s owners of every tenant by name only, and no other tenant\'s', async () => {
      await connection('c1', null);
      await listed('c1', [{ upn: 'someone@contoso.nl', aadObjectId: null }]);
      await storage.owners.add({ tenantId: 'tenant-a', upn: 'olga@contoso.nl', aadObjectId: null, displayName: 'Olga', source: 'added', addedBy: 'x', addedAt: clock.now() });
      await storage.owners.add({ tenantId: null, upn: 'ops@operator.nl', aadObjectId: null, displayName: 'Operations', source: 'added', addedBy: 'cli:root', addedAt: clock.now() });
      await storage.owners.add({ tenantId: null, upn: 'night@operator.nl', aadObjectId: null, displayName: null, source: 'config', addedBy: 'config', addedAt: clock.now() });
      await storage.owners.add({ tenantId: 'tenant-b', upn: 'other@fabrikam.nl', aadObjectId: null, displayName: null, source: 'added', addedBy: 'x', addedAt: clock.now() });
      expect(await check().execute({ user: jan, upn: 'jan@contoso.nl' })).toEqual({ allowed: false, connectionId: 'c1', owners: ['Olga (olga@contoso.nl)', 'Operations'] });
      await expect(check().require({ user: jan, upn: null })).rejects.toMatchObject({ code: 'access_denied', details: { owners: ['Olga (olga@contoso.nl)', 'Operations'] } });
      // In the operator's own tenant (MicrosoftAppTenantId) the operator's people are named with their address.
      const atHome = new CheckAccess({ connections: storage.connections, activations: storage.activations, accessRules: storage.accessRules, owners: storage.owners, homeTenantId: 'tenant-a' });
      expect(await atHome.execute({ user: jan, upn: 'jan@contoso.nl' })).toMatchObject({ owners: ['Olga (olga@contoso.nl)', 'night@operator.nl', 'Operations (ops@operator.nl)'] });
    });
  });
});
