import { FakeAdminApi, refusal } from './admin-fake-api';
import { connection, OWNER_ME } from './admin-fixtures';
import { startAdminTab, type AdminTabUnderTest } from './admin-dom';

const CONNECTORS = ['subjectTasksConnector', 'workflowActionsConnector', 'reactionConnector'] as const;

function ownerApi(...lists: ReturnType<typeof connection>[][]): FakeAdminApi {
  return new FakeAdminApi().answer('me', OWNER_ME).answer('connections', ...lists);
}

const input = (tab: AdminTabUnderTest, id: string) => tab.$(`#connection-${id}`) as HTMLInputElement;
const label = (tab: AdminTabUnderTest, id: string) => tab.text(`label[for="connection-${id}"]`);

describe('acting on tasks in the connection form', () => {
  it('offers a labelled switch, on for a new connection, and the three connector names with AFAS\'s standard names as placeholders', async () => {
    const created = connection({ id: 'new-1', name: 'Acties', isDefault: false });
    const admin = ownerApi([], [created]).answer('createConnection', created);
    const tab = await startAdminTab(admin);
    await tab.press('Add a connection');

    const toggle = input(tab, 'taskActions');
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.checked).toBe(true);
    expect(tab.text('.admin-form .field-check:has(#connection-taskActions) label')).toBe('Act on tasks from Teams');
    expect(toggle.getAttribute('aria-describedby')).toBe('connection-taskActions-hint');
    expect(CONNECTORS.map((key) => [label(tab, key), input(tab, key).value, input(tab, key).placeholder])).toEqual([
      ['GetConnector for the workflow of tasks', '', 'Profit_Subject_Tasks'],
      ['GetConnector for workflow actions', '', 'Profit_Workflowactions'],
      ['UpdateConnector for reactions', '', 'KnSubjectWorkflowReaction'],
    ]);

    tab.type('#connection-name', 'Acties');
    tab.type('#connection-environment', 'O12345AA');
    toggle.checked = false;
    tab.type('#connection-reactionConnector', 'Eigen_Reactie');
    await tab.submit('form.admin-form');
    expect(admin.last('createConnection')[0].taskActions).toEqual({ enabled: false, reactionConnector: 'Eigen_Reactie' });
  });

  it('a new connection left at the standard settings sends no task-action settings (the server\'s defaults)', async () => {
    const created = connection({ id: 'new-2', isDefault: false });
    const admin = ownerApi([], [created]).answer('createConnection', created);
    const tab = await startAdminTab(admin);
    await tab.press('Add a connection');
    tab.type('#connection-name', 'Production');
    tab.type('#connection-environment', 'O12345AA');
    await tab.submit('form.admin-form');
    expect(admin.last('createConnection')[0]).not.toHaveProperty('taskActions');
  });

  it('when editing, shows a name other than the standard one, sends only what changed, and an emptied name is the standard one again', async () => {
    const own = connection({ taskActions: { enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Eigen_Acties', reactionConnector: 'KnSubjectWorkflowReaction' } });
    const admin = ownerApi([own]).answer('updateConnection', own);
    const tab = await startAdminTab(admin);
    await tab.press('Edit connection Production');
    expect(CONNECTORS.map((key) => input(tab, key).value)).toEqual(['', 'Eigen_Acties', '']);
    tab.type('#connection-workflowActionsConnector', '');
    tab.type('#connection-subjectTasksConnector', 'Eigen_Taken');
    input(tab, 'taskActions').checked = false;
    await tab.press('Save');
    expect(admin.last('updateConnection')).toEqual(['production-3f2b9c', { taskActions: { enabled: false, subjectTasksConnector: 'Eigen_Taken', workflowActionsConnector: 'Profit_Workflowactions' } }]);
  });

  it('places the API\'s problem with a connector name under that field', async () => {
    const admin = ownerApi([connection()]).answer(
      'updateConnection',
      refusal(400, { code: 'validation_failed', message: 'Not saved.', problems: [{ field: 'taskActions.reactionConnector', message: 'must be a connector name (letters, digits and _)' }] }),
    );
    const tab = await startAdminTab(admin);
    await tab.press('Edit connection Production');
    tab.type('#connection-reactionConnector', 'no spaces');
    await tab.press('Save');
    expect(tab.text('#connection-reactionConnector-problem')).toBe('Must be a connector name (letters, digits and _)');
    expect(tab.focused()).toBe('input#connection-reactionConnector');
  });

  it('says it in Dutch', async () => {
    const tab = await startAdminTab(ownerApi([connection()]), { locale: 'nl-NL' });
    await tab.press('Koppeling Production wijzigen');
    expect(tab.text('.admin-form .field-check:has(#connection-taskActions) label')).toBe('Taken afhandelen vanuit Teams');
    expect(CONNECTORS.map((key) => label(tab, key))).toEqual(['GetConnector voor de workflow van taken', 'GetConnector voor workflowacties', 'UpdateConnector voor reacties']);
  });

  it('for the connection from the server settings (AFAS_TASK_ACTIONS etc.) shows them without letting them change', async () => {
    const configured = connection({ id: 'default', name: 'AFAS', fromConfiguration: true, taskActions: { enabled: false, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'Eigen_Reactie' } });
    const tab = await startAdminTab(ownerApi([configured]));
    await tab.press('Edit connection AFAS');
    expect(input(tab, 'taskActions').checked).toBe(false);
    expect(input(tab, 'reactionConnector').value).toBe('Eigen_Reactie');
    expect(['taskActions', ...CONNECTORS].map((key) => input(tab, key).disabled)).toEqual([true, true, true, true]);
  });
});
