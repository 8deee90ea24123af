import type { ConnectionCheck } from '../../contracts/admin-api';
import { FakeAdminApi, refusal } from './admin-fake-api';
import { checkWithMissingField, connection, NOT_CONFIRMABLE_MESSAGE, notConfirmableCheck, OWNER_ME } from './admin-fixtures';
import { startAdminTab } from './admin-dom';

describe('testing, making default and removing a connection', () => {
  it('"Test connection" shows the Profit version, whether each GetConnector is in the app connector, and each missing field by name with where to add it', async () => {
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection()]).answer('testConnection', checkWithMissingField());
    const tab = await startAdminTab(admin);
    await tab.press('Test connection Production');
    expect(admin.last('testConnection')).toEqual(['production-3f2b9c']);
    expect(tab.text('.check-outcome')).toBe('The connection needs attention: see below what to change.');
    expect(tab.text('.check-version')).toBe('AFAS Profit version: 2025.1.3');
    expect(tab.$$('.check-connectors > li > span').map((s) => s.textContent)).toEqual([
      'GetConnector Teams_Tasks (Tasks) is in the app connector.',
      'GetConnector Teams_Signals (Signals) is not in the app connector.',
    ]);
    expect(tab.$$('.missing-fields .field-name').map((f) => f.textContent)).toEqual(['submitdate']);
    expect(tab.text('.missing > span')).toBe('Fields missing in Teams_Tasks:');
    expect(tab.text('.missing-fields')).toBe('submitdate (used for date)');
    expect(tab.$$('.check-findings li').map((li) => li.textContent)).toEqual([
      'OK: AFAS Profit 2025.1.3 answers with the activation of jan.devries@horizon-groep.example: the keys work.',
      'Problem: GetConnector Teams_Tasks lacks a field the tasks need: submitdate (date). In Profit, open GetConnector Teams_Tasks, add it on the "Gegevens" tab (its fields) and save.',
      'Problem: GetConnector Teams_Signals (signals) is not part of the app connector. In Profit, add it to the app connector\'s GetConnectors.',
    ]);
    expect(tab.focused()).toBe('button[test-production-3f2b9c]');
  });

  it('says the findings in Dutch from their codes, with the AFAS reference, and in the API\'s English for a code it does not know', async () => {
    const findings: ConnectionCheck['findings'] = [
      { check: 'profitVersion', status: 'ok', code: 'keysWork', params: { version: '2025.1.3', user: 'jan.devries@horizon-groep.example' }, message: 'English' },
      { check: 'fields', kind: 'task', status: 'warning', code: 'optionalFieldsMissing', params: { connector: 'Teams_Tasks', kind: 'task', fields: ['submitdate (date)'], properties: ['date'], none: '-' }, message: 'English' },
      { check: 'appConnector', kind: 'signal', status: 'problem', code: 'notInAppConnector', params: { connector: 'Teams_Signals', kind: 'signal', app: 'Teams', available: [] }, message: 'English' },
      { check: 'metainfo', status: 'problem', code: 'afasForbidden', params: { subject: 'metainfo', user: 'jan', reference: 'ABC123' }, message: 'English', profitLogReference: 'ABC123' },
      { check: 'fields', status: 'problem', code: 'fromTheFuture', params: {}, message: 'Something new, said in English.' },
    ];
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection()]).answer('testConnection', { ...checkWithMissingField(), findings });
    const tab = await startAdminTab(admin, { locale: 'nl-NL' });
    await tab.press('Koppeling Production testen');
    expect(tab.$$('.check-findings li > span:nth-child(2)').map((span) => span.textContent)).toEqual([
      'AFAS Profit 2025.1.3 antwoordt met de activering van jan.devries@horizon-groep.example: de sleutels werken.',
      'GetConnector Teams_Tasks heeft geen submitdate (date), dus de taken tonen geen: datums (items zijn niet op datum gesorteerd). De taken werken zonder dat veld. Om het te tonen, voeg je het veld toe op het tabblad "Gegevens" van GetConnector Teams_Tasks; om deze opmerking te laten verdwijnen, wijs je de eigenschap toe aan - (geen veld) in de veldtoewijzing van deze koppeling.',
      'GetConnector Teams_Signals (signalen) hoort niet bij de app-connector "Teams". Voeg hem in Profit toe aan de GetConnectors van de app-connector, of kies er een die erbij hoort (geen).',
      'AFAS weigerde metainfo (403): de app-connector heeft een IP-beperking waar het adres van deze server niet in staat. (AFAS-referentie ABC123)',
      'Something new, said in English.',
    ]);
  });

  it('without an activation to test with, says the keys cannot be confirmed until someone activates', async () => {
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection()]).answer('testConnection', notConfirmableCheck());
    const tab = await startAdminTab(admin);
    await tab.press('Test connection Production');
    expect(tab.text('.check-outcome')).toBe('The connection cannot be confirmed yet.');
    expect(tab.text('.check-findings')).toBe(`Note: ${NOT_CONFIRMABLE_MESSAGE}`);
    expect(tab.$$('.check-connectors')).toHaveLength(0);
  });

  it('makes a connection the default, and says so', async () => {
    const other = connection({ id: 'test-2', name: 'Test', isDefault: false });
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection(), other], [connection({ isDefault: false }), { ...other, isDefault: true }]).answer('setDefaultConnection', { ...other, isDefault: true });
    const tab = await startAdminTab(admin);
    expect(tab.$$('button').filter((b) => b.textContent === 'Make default')).toHaveLength(1);
    await tab.press('Make Test the default connection');
    expect(admin.last('setDefaultConnection')).toEqual(['test-2']);
    expect(tab.text('.admin-notice')).toBe('Test is now the default connection.');
    expect(tab.$$('.admin-row')[1].querySelector('.badge')?.textContent).toBe('Default');
  });

  it('removes a connection only after a confirmation, and cancel keeps it', async () => {
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection()], []).answer('removeConnection', undefined as void);
    const tab = await startAdminTab(admin);
    await tab.press('Remove connection Production');
    expect(tab.text('.confirm p')).toBe('Remove connection Production? Its keys and access rules are deleted, and people who activated with it must activate again.');
    expect(tab.focused()).toBe('button[remove-no-production-3f2b9c]');
    await tab.press('Cancel');
    expect(tab.$$('.confirm')).toHaveLength(0);
    expect(tab.focused()).toBe('button[remove-production-3f2b9c]');
    expect(admin.methods).not.toContain('removeConnection');

    await tab.press('Remove connection Production');
    await tab.press('Yes, remove');
    expect(admin.last('removeConnection')).toEqual(['production-3f2b9c']);
    expect(tab.text('.admin-notice')).toBe('Removed: Production.');
    expect(tab.text('.empty')).toBe('No connections yet. Add one to connect AFAS for Teams to your AFAS environment.');
  });

  it('shows the API\'s own sentence when it refuses a change', async () => {
    const refused = refusal(409, { code: 'conflict', message: 'Connection "Test" is disabled: enable it before making it the default.' });
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection({ isDefault: false, name: 'Test' })]).answer('setDefaultConnection', refused);
    const tab = await startAdminTab(admin);
    await tab.press('Make default');
    expect(tab.text('.admin-notice')).toBe('Connection "Test" is disabled: enable it before making it the default.');
    expect(tab.$('.admin-notice').getAttribute('role')).toBe('alert');
  });
});
