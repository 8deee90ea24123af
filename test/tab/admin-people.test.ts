import { FakeAdminApi, refusal } from './admin-fake-api';
import { accessRule, auditEvent, connection, owner, OWNER_ME } from './admin-fixtures';
import { startAdminTab } from './admin-dom';

const OBJECT_ID = '3f2b9c1e-8a4d-4c1b-9e7f-1a2b3c4d5e6f';

describe('access, app owners and the audit log', () => {
  it('limits a connection to listed people: UPNs and object ids are added and removed, then saved together', async () => {
    const admin = new FakeAdminApi()
      .answer('me', OWNER_ME)
      .answer('connections', [connection()])
      .answer('accessRule', accessRule({ mode: 'listed', users: [{ upn: 'fleur.bakker@horizon-groep.example', aadObjectId: null }], updatedBy: 'jan.devries@horizon-groep.example', updatedAt: '2026-03-01T12:00:00.000Z' }))
      .answer('setAccessRule', (_id, rule) => accessRule({ mode: rule.mode, users: rule.users.map((u) => ({ upn: u.includes('@') ? u : null, aadObjectId: u.includes('@') ? null : u })) }));
    const tab = await startAdminTab(admin);
    await tab.press('Who may use Production');
    expect(tab.text('h2')).toBe('Who may use Production');
    expect(tab.focused()).toBe('h2#access-title');
    expect(tab.text('.admin-pane .hint')).toBe('Last changed by jan.devries@horizon-groep.example on 1 Mar 2026 13:00.');
    expect((tab.$('input[value="listed"]') as HTMLInputElement).checked).toBe(true);
    expect(tab.$$('.person-name').map((p) => p.textContent)).toEqual(['fleur.bakker@horizon-groep.example']);

    tab.type('#access-add', 'not a person');
    await tab.key('#access-add', 'Enter');
    expect(tab.text('#access-add-problem')).toBe('That is neither a sign-in name (name@example.com) nor an Entra object id.');
    expect(tab.focused()).toBe('input#access-add');
    expect((tab.$('#access-add') as HTMLInputElement).value).toBe('not a person');

    tab.type('#access-add', 'sanne.jansen@horizon-groep.example');
    await tab.press('Add to the list');
    tab.type('#access-add', OBJECT_ID);
    await tab.key('#access-add', 'Enter');
    tab.type('#access-add', 'Fleur.Bakker@horizon-groep.example');
    await tab.press('Add to the list');
    expect(tab.text('#access-add-problem')).toBe('Fleur.Bakker@horizon-groep.example is already listed.');
    await tab.press('Remove fleur.bakker@horizon-groep.example from the list');
    expect(tab.$$('.person-name').map((p) => p.textContent)).toEqual(['sanne.jansen@horizon-groep.example', OBJECT_ID]);

    await tab.press('Save access');
    expect(admin.last('setAccessRule')).toEqual(['production-3f2b9c', { mode: 'listed', users: ['sanne.jansen@horizon-groep.example', OBJECT_ID] }]);
    expect(tab.text('.admin-notice')).toBe('Access saved for Production.');
    expect(tab.focused()).toBe('button[access-production-3f2b9c]');
  });

  it('shows why the API did not take an access list', async () => {
    const admin = new FakeAdminApi()
      .answer('me', OWNER_ME)
      .answer('connections', [connection()])
      .answer('accessRule', accessRule())
      .answer('setAccessRule', refusal(400, { code: 'validation_failed', message: 'Not saved: users must name at least one person when only listed people may use the app.', problems: [{ field: 'users', message: 'must name at least one person when only listed people may use the app' }] }));
    const tab = await startAdminTab(admin);
    await tab.press('Access');
    (tab.$('input[value="listed"]') as HTMLInputElement).click();
    await tab.press('Save access');
    expect(tab.text('.admin-notice')).toBe('Must name at least one person when only listed people may use the app.');
    expect(tab.text('h2')).toBe('Who may use Production');
  });

  it('lists app owners, adds one by sign-in name, and shows the API\'s refusal to remove the last or a configured one', async () => {
    const fleur = owner({ upn: 'fleur.bakker@horizon-groep.example', displayName: 'Fleur Bakker', addedBy: 'jan.devries@horizon-groep.example' });
    const admin = new FakeAdminApi()
      .answer('me', OWNER_ME)
      .answer('connections', [])
      .answer('owners', [owner({ tenantId: null, source: 'config', addedBy: 'config' })], [owner({ tenantId: null, source: 'config', addedBy: 'config' }), fleur])
      .answer('addOwner', fleur)
      .answer('removeOwner', refusal(409, { code: 'owner_from_configuration', message: 'jan.devries@horizon-groep.example is an owner because APP_OWNERS lists them: remove them there and restart.' }));
    const tab = await startAdminTab(admin);
    await tab.press('App owners');
    expect(tab.$$('.person-text > *').map((part) => part.textContent)).toEqual(['jan.devries@horizon-groep.example', 'Every organisationFrom APP_OWNERS', 'Added by config on 20 Feb 2026']);
    expect(tab.$$('.person-text .badge').map((b) => b.textContent)).toEqual(['Every organisation', 'From APP_OWNERS']);

    tab.type('#owner-add', 'not-a-upn');
    await tab.submit('form.admin-inline-form');
    expect(tab.text('#owner-add-problem')).toBe('Type a sign-in name such as anna@contoso.nl.');
    expect(admin.methods).not.toContain('addOwner');
    tab.type('#owner-add', 'fleur.bakker@horizon-groep.example');
    await tab.press('Add owner');
    expect(admin.last('addOwner')).toEqual(['fleur.bakker@horizon-groep.example']);
    expect(tab.text('.admin-notice')).toBe('fleur.bakker@horizon-groep.example is now an app owner.');
    expect((tab.$('#owner-add') as HTMLInputElement).value).toBe('');
    expect(tab.$$('.person-name').map((p) => p.textContent)).toEqual(['jan.devries@horizon-groep.example', 'Fleur Bakker (fleur.bakker@horizon-groep.example)']);

    await tab.press('Remove app owner jan.devries@horizon-groep.example');
    expect(admin.last('removeOwner')).toEqual(['jan.devries@horizon-groep.example', true]);
    expect(tab.text('.admin-notice')).toBe('jan.devries@horizon-groep.example is an owner because APP_OWNERS lists them: remove them there and restart.');
  });

  it('shows the audit log newest first (what as a sentence, when, who) and pages to older events', async () => {
    const first = Array.from({ length: 25 }, (_, i) => auditEvent(100 - i));
    const older = [auditEvent(75, { action: 'connection.secrets', details: { apiKey: '[set]', environmentKey: '[set]' } }), auditEvent(74, { action: 'access.update', details: { mode: { from: 'everyone', to: 'listed' }, added: ['fleur.bakker@horizon-groep.example'], removed: [] } })];
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', []).answer('audit', first, older);
    const tab = await startAdminTab(admin);
    await tab.press('Audit log');
    expect(admin.last('audit')).toEqual([{ limit: 25 }]);
    expect(tab.$$('.audit-event')).toHaveLength(25);
    expect(Array.from(tab.$('.audit-event').children).map((line) => line.textContent)).toEqual(["Changed connection 'Production'.", '2 Mar 2026 08:00 · jan.devries@horizon-groep.example', 'name: Prod → Production']);
    expect(tab.$('.audit-event time').getAttribute('datetime')).toBe('2026-03-02T07:00:00.000Z');

    await tab.press('Show older changes');
    expect(admin.last('audit')).toEqual([{ limit: 25, beforeId: 76 }]);
    const events = tab.$$('.audit-event');
    expect(events.map((e) => e.querySelector('.audit-what')?.textContent).slice(25)).toEqual([
      "Set the API key and environment key of connection 'Production'.",
      "Changed who may use connection 'Production': only the people listed.",
    ]);
    expect(events.slice(25).map((e) => e.querySelector('.audit-details')?.textContent ?? null)).toEqual([null, 'Added to the list: fleur.bakker@horizon-groep.example.']);
    expect(tab.focused()).toBe('li[audit-75]');
    expect(tab.$$('button').filter((b) => b.textContent === 'Older')).toHaveLength(0);
  });

  it('says every kind of event as a sentence in Dutch, with the connection by name', async () => {
    const events = [
      auditEvent(9, { action: 'connection.test', targetName: 'AFAS sandbox (demo)', details: { outcome: 'ok', testedWith: 'jan.devries@horizon-groep.example', problems: [] } }),
      auditEvent(8, { action: 'connection.test', details: { outcome: 'problems', testedWith: null, problems: ['secrets'] } }),
      auditEvent(7, { action: 'connection.create', details: { settings: { name: 'Production' } } }),
      auditEvent(6, { action: 'connection.remove', targetName: null, target: 'old-1a2b3c', details: { name: 'Oud' } }),
      auditEvent(5, { action: 'connection.default', details: { previousDefault: null } }),
      auditEvent(4, { action: 'connection.secrets', details: { apiKey: '[set]' } }),
      auditEvent(3, { action: 'access.update', details: { mode: { from: 'listed', to: 'everyone' }, added: [], removed: ['fleur.bakker@horizon-groep.example'] } }),
      auditEvent(2, { action: 'owner.add', actor: 'demo', target: 'jan.devries@horizon-groep.example', targetName: null, details: { source: 'demo', everyTenant: true } }),
      auditEvent(1, { action: 'owner.remove', target: 'piet@contoso.nl', targetName: null, details: { everyTenant: false } }),
    ];
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', []).answer('audit', events);
    const tab = await startAdminTab(admin, { locale: 'nl-NL' });
    await tab.press('Auditlog');
    expect(tab.$$('.audit-event').map((e) => [e.querySelector('.audit-what')?.textContent, e.querySelector('.audit-details')?.textContent ?? null])).toEqual([
      ["Koppeling 'AFAS sandbox (demo)' getest: die werkt.", 'Getest met de activering van jan.devries@horizon-groep.example.'],
      ["Koppeling 'Production' getest: die heeft aandacht nodig.", null],
      ["Koppeling 'Production' toegevoegd.", null],
      ["Koppeling 'old-1a2b3c' verwijderd.", null],
      ["Koppeling 'Production' is de standaardkoppeling gemaakt.", null],
      ["API-sleutel van koppeling 'Production' ingesteld.", null],
      ["Gewijzigd wie koppeling 'Production' mag gebruiken: iedereen in je organisatie.", 'Van de lijst verwijderd: fleur.bakker@horizon-groep.example.'],
      ['jan.devries@horizon-groep.example is demo-eigenaar geworden: dit is de demomodus en APP_OWNERS is niet ingesteld.', null],
      ['piet@contoso.nl is geen app-eigenaar meer.', null],
    ]);
  });
});
