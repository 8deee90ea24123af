import type { ApiProblem } from '../../contracts/tab-api';
import { inputProblem } from '../../src/use-cases/admin/validation';
import { FakeAdminApi, refusal } from './admin-fake-api';
import { checkWithMissingField, connection, OWNER_ME } from './admin-fixtures';
import { startAdminTab, type AdminTabUnderTest } from './admin-dom';

const API_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee01';
const ENV_KEY = 'decaf000decaf000decaf000decaf002';
const HOSTILE = '<img src=x onerror=alert(1)>';

function ownerApi(...lists: ReturnType<typeof connection>[][]): FakeAdminApi {
  return new FakeAdminApi().answer('me', OWNER_ME).answer('connections', ...(lists.length > 0 ? lists : [[]]));
}

/** Everything the page holds as text, attribute or input value: where a key must never be. */
function everything(tab: AdminTabUnderTest): string {
  const values = tab.$$('input').map((input) => (input as HTMLInputElement).value);
  return `${tab.root.outerHTML}\n${values.join('\n')}`;
}

describe('the connection form', () => {
  it('creates a connection with what was filled in; the environment type is asked only for a participant number', async () => {
    const created = connection({ id: 'test-env-1', name: 'Test environment', environment: '12345', baseUrl: 'https://12345.resttest.afas.online/ProfitRestServices', isDefault: false });
    const admin = ownerApi([], [created]).answer('createConnection', created);
    const tab = await startAdminTab(admin);
    expect(tab.text('.admin-section .empty')).toBe('No connections yet. Add one to connect AFAS for Teams to your AFAS environment.');
    await tab.press('Add a connection');
    expect(tab.text('h2')).toBe('Add a connection');
    expect(tab.focused()).toBe('input#connection-name');
    expect(tab.$('#connection-environmentType').closest('.field')?.hasAttribute('hidden')).toBe(true);
    tab.type('#connection-name', 'Test environment');
    tab.type('#connection-environment', '12345');
    expect(tab.$('#connection-environmentType').closest('.field')?.hasAttribute('hidden')).toBe(false);
    (tab.$('#connection-environmentType') as HTMLSelectElement).value = 'test';
    await tab.submit('form.admin-form');

    expect(admin.last('createConnection')).toEqual([
      {
        name: 'Test environment',
        environment: '12345',
        environmentType: 'test',
        tasksConnector: 'Teams_Tasks',
        signalsConnector: 'Teams_Signals',
        taskUrlTemplate: '',
        signalUrlTemplate: '',
        useDefaultTasksUrl: false,
        defaultList: 'task',
        enabled: true,
        taskFieldMap: {},
        signalFieldMap: {},
      },
    ]);
    expect(tab.text('.admin-notice')).toBe('Saved: Test environment.');
    expect(tab.focused()).toBe('button[test-test-env-1]');
  });

  it('shows the API\'s validation problems next to the fields they name, in plain words, and focuses the first', async () => {
    const admin = ownerApi([]).answer(
      'createConnection',
      refusal(400, {
        code: 'validation_failed',
        message: 'Not saved: environment is not a valid URL; apiKey must be 32 hexadecimal characters, as AFAS shows it in the app connector; taskFieldMap.date must be a connector field name (letters, digits and _), such as submitdate; tenantId can only be chosen on the command line.',
        problems: [
          { field: 'environment', message: 'is not a valid URL' },
          { field: 'apiKey', message: 'must be 32 hexadecimal characters, as AFAS shows it in the app connector' },
          { field: 'taskFieldMap.date', message: 'must be a connector field name (letters, digits and _), such as submitdate' },
          { field: 'tenantId', message: 'can only be chosen on the command line' },
        ],
      }),
    );
    const tab = await startAdminTab(admin);
    await tab.press('Add a connection');
    tab.type('#connection-name', 'Broken');
    tab.type('#connection-environment', 'https://');
    tab.type('#connection-apiKey', 'not-a-key');
    await tab.press('Add a field');
    const [property, field] = [tab.$('.map-row select') as HTMLSelectElement, tab.$('.map-row input') as HTMLInputElement];
    property.value = 'date';
    field.value = 'date of submission';
    await tab.press('Add connection');

    expect(tab.text('#connection-environment-problem')).toBe('Is not a valid URL');
    expect(tab.$('#connection-environment').getAttribute('aria-invalid')).toBe('true');
    expect(tab.$('#connection-environment').getAttribute('aria-describedby')).toBe('connection-environment-problem connection-environment-hint');
    expect(tab.text('#connection-apiKey-problem')).toBe('Must be 32 hexadecimal characters, as AFAS shows it in the app connector');
    expect(tab.text('#taskFieldMap-problem')).toBe('Date (date): must be a connector field name (letters, digits and _), such as submitdate');
    expect(tab.text('.admin-form [role="alert"]')).toBe('Not saved. Correct what is marked below.');
    expect(tab.text('.admin-form')).toContain('TenantId can only be chosen on the command line');
    expect(tab.focused()).toBe('input#connection-environment');
    expect(tab.$('#connection-name').getAttribute('aria-invalid')).toBeNull();
    expect(admin.last('createConnection')[0].taskFieldMap).toEqual({ date: 'date of submission' });
  });

  it('says the API\'s validation problems in Dutch from their codes, and in the API\'s English for a code it does not know', async () => {
    // As they come over the wire.
    const problems = JSON.parse(JSON.stringify([
      inputProblem('environment', 'notEnvironment'),
      inputProblem('name', 'tooLong', { max: 100 }),
      inputProblem('taskFieldMap.date', 'optionalFieldName'),
      inputProblem('tenantId', 'tenantIdOnCommandLine'),
      { field: 'insiteUrl', code: 'fromTheFuture', params: {}, message: 'is something this tab has never heard of' },
    ])) as NonNullable<ApiProblem['problems']>;
    const admin = ownerApi([]).answer('createConnection', refusal(400, { code: 'validation_failed', message: 'Not saved.', problems }));
    const tab = await startAdminTab(admin, { locale: 'nl-NL' });
    await tab.press('Koppeling toevoegen');
    tab.type('#connection-name', 'Kapot');
    tab.type('#connection-environment', 'nergens');
    await tab.submit('form.admin-form');
    expect(tab.text('#connection-environment-problem')).toBe('Moet een omgevingsnaam zoals O12345AA zijn, een deelnemernummer zoals 12345, of een volledige https://…/ProfitRestServices-URL');
    expect(tab.text('#connection-name-problem')).toBe('Mag hoogstens 100 tekens lang zijn');
    expect(tab.text('#taskFieldMap-problem')).toContain(': moet de naam van een connectorveld zijn (letters, cijfers en _), zoals submitdate, of - voor geen');
    expect(tab.text('.admin-form')).toContain('TenantId kan alleen op de opdrachtregel worden gekozen; een koppeling die je hier maakt, is voor je eigen organisatie');
    expect(tab.text('#connection-insiteUrl-problem')).toBe('Is something this tab has never heard of');
  });

  it('says in one sentence why the server refused a save for another reason, and keeps what was typed', async () => {
    const admin = ownerApi([]).answer('createConnection', refusal(403, { code: 'forbidden', message: 'Only app owners can change the settings of AFAS for Teams.' }));
    const tab = await startAdminTab(admin);
    await tab.press('Add a connection');
    tab.type('#connection-name', 'Production');
    await tab.press('Add connection');
    expect(tab.text('.admin-form [role="alert"]')).toBe('Only app owners can change the settings of AFAS for Teams.');
    expect(tab.$$('[aria-invalid="true"]')).toHaveLength(0);
    expect((tab.$('#connection-name') as HTMLInputElement).value).toBe('Production');
  });

  it('sends the keys only when typed, and never shows them again: not after saving, not when editing', async () => {
    const created = connection({ id: 'prod-1', isDefault: false });
    const admin = ownerApi([], [created]).answer('createConnection', created).answer('updateConnection', created);
    const tab = await startAdminTab(admin);
    await tab.press('Add a connection');
    expect(tab.$('#connection-apiKey').getAttribute('type')).toBe('password');
    expect(tab.$('#connection-apiKey').getAttribute('autocomplete')).toBe('new-password');
    expect(tab.text('#connection-apiKey-hint')).toBe('Not set. 32 characters, as the app connector in Profit shows it.');
    tab.type('#connection-name', 'Production');
    tab.type('#connection-environment', 'O12345AA');
    tab.type('#connection-apiKey', API_KEY);
    tab.type('#connection-environmentKey', ENV_KEY);
    await tab.press('Add connection');
    expect(admin.last('createConnection')[0]).toMatchObject({ apiKey: API_KEY, environmentKey: ENV_KEY });
    expect(everything(tab)).not.toContain(API_KEY);
    expect(everything(tab)).not.toContain(ENV_KEY);
    expect(tab.$$('.admin-row .badge').map((b) => b.textContent)).toContain('Keys: set');

    await tab.press('Edit connection Production');
    expect((tab.$('#connection-apiKey') as HTMLInputElement).value).toBe('');
    expect((tab.$('#connection-environmentKey') as HTMLInputElement).value).toBe('');
    expect(tab.text('#connection-apiKey-hint')).toBe('Set. Type a key only to replace it.');
    expect(everything(tab)).not.toContain(API_KEY);
    tab.type('#connection-name', 'Production (new)');
    await tab.press('Save');
    expect(admin.last('updateConnection')).toEqual(['prod-1', { name: 'Production (new)' }]);
  });

  it('edits only what changed; a participant\'s environment type comes from its URL', async () => {
    const test = connection({ environment: '12345', baseUrl: 'https://12345.resttest.afas.online/ProfitRestServices', taskFieldMap: { date: 'datum' } });
    const admin = ownerApi([test]).answer('updateConnection', test);
    const tab = await startAdminTab(admin);
    await tab.press('Edit connection Production');
    expect((tab.$('#connection-environmentType') as HTMLSelectElement).value).toBe('test');
    expect(tab.$('details.map-details').hasAttribute('open')).toBe(true);
    expect((tab.$('.map-row input') as HTMLInputElement).value).toBe('datum');
    (tab.$('#connection-environmentType') as HTMLSelectElement).value = 'acceptance';
    (tab.$('#connection-useDefaultTasksUrl') as HTMLInputElement).checked = true;
    await tab.press('Remove the field for Date (date)');
    await tab.press('Save');
    expect(admin.last('updateConnection')).toEqual(['production-3f2b9c', { useDefaultTasksUrl: true, taskFieldMap: {}, environmentType: 'acceptance' }]);
  });

  it('for the connection from the server settings offers only what may change there', async () => {
    const configured = connection({ id: 'default', name: 'AFAS', fromConfiguration: true });
    const tab = await startAdminTab(ownerApi([configured]));
    expect(tab.$$('.admin-row button').map((b) => b.textContent)).toEqual(['Edit', 'Test connection', 'Access']);
    await tab.press('Edit connection AFAS');
    const disabled = tab.$$('.admin-form input, .admin-form select').filter((c) => (c as HTMLInputElement).disabled).map((c) => c.id);
    expect(disabled).toEqual(['connection-name', 'connection-environment', 'connection-environmentType', 'connection-apiKey', 'connection-environmentKey', 'connection-tasksConnector', 'connection-signalsConnector', 'connection-insiteUrl', 'connection-taskUrlTemplate', 'connection-signalUrlTemplate', 'connection-defaultTasksUrl', 'connection-useDefaultTasksUrl', 'connection-taskActions', 'connection-subjectTasksConnector', 'connection-workflowActionsConnector', 'connection-reactionConnector']);
    expect(tab.text('.admin-form')).toContain('This connection comes from the server settings (AFAS_*)');
  });

  it('shows names, messages and audit text from the server with markup as text', async () => {
    const hostile = connection({ name: HOSTILE, environment: `<b>O12345AA</b>` });
    const check = checkWithMissingField();
    const admin = ownerApi([hostile])
      .answer('testConnection', { ...check, findings: [{ check: 'fields', status: 'problem', message: `Missing ${HOSTILE}` }], connectors: [{ kind: 'task', connector: '<i>Teams_Tasks</i>', inAppConnector: true, missingFields: [{ field: HOSTILE, usedFor: ['date'] }] }] })
      .answer('audit', [{ id: 1, at: '2026-03-02T07:00:00.000Z', actor: '<script>alert(1)</script>', action: 'connection.update', target: 'production-3f2b9c', targetName: HOSTILE, tenantId: null, details: { changes: { name: { from: 'A', to: HOSTILE } } } }]);
    const tab = await startAdminTab(admin);
    expect(tab.text('.admin-row-title')).toBe(HOSTILE);
    expect(tab.text('.admin-row-meta')).toBe('<b>O12345AA</b>');
    await tab.press(`Test connection ${HOSTILE}`);
    expect(tab.text('.check-findings')).toBe(`Problem: Missing ${HOSTILE}`);
    expect(tab.text('.missing-fields')).toBe(`${HOSTILE} (used for date)`);
    await tab.press('Audit log');
    expect(tab.text('.audit-what')).toBe(`Changed connection '${HOSTILE}'.`);
    expect(tab.text('.audit-event .hint')).toBe('2 Mar 2026 08:00 · <script>alert(1)</script>');
    expect(tab.text('.audit-details')).toBe(`name: A → ${HOSTILE}`);
    expect(tab.root.querySelectorAll('img, b, i, script')).toHaveLength(0);
  });
});
