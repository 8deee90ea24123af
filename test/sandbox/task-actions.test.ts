import { WORKFLOW_TASKS, workflowTaskFor } from '../../sandbox';
import { authorization, SandboxHarness } from '../support/sandbox-http';

const JAN = 'jan.devries@horizon-groep.example';
const FLEUR = 'fleur.bakker@horizon-groep.example';
const REACTION = '/connectors/KnSubjectWorkflowReaction';

type Row = Record<string, unknown>;

describe('sandbox: acting on workflow tasks', () => {
  let h: SandboxHarness;
  let jan: string;

  beforeEach(async () => {
    h = await SandboxHarness.start();
    jan = h.sandbox.issueToken(JAN);
  });
  afterEach(() => h.close());

  const react = (token: string, fields: Row): Promise<Response> =>
    fetch(`${h.baseUrl}${REACTION}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization(token) },
      body: JSON.stringify({ KnWorkflow: { Element: { Fields: fields } } }),
    });

  /** The reaction fields for `action` on the user's first open task of step `taskname`. */
  function fieldsFor(userId: string, taskname: string, action: string, extra: Row = {}): { row: Row; fields: Row } {
    const row = h.sandbox.tasksOf(userId).find((t) => t.taskname === taskname && t._handledMeanwhileBy === undefined)!;
    const step = workflowTaskFor(taskname)!;
    const acNm = step.actions.find((a) => a.description === action)!.guid;
    return { row, fields: { SbId: row.subjectid, WfNm: step.workflowGuid, TkNm: step.taskGuid, AcNm: acNm, ...extra } };
  }

  test('Profit_Subject_Tasks lists the GUIDs of the user\'s open tasks per subject, filterable with ;-OR', async () => {
    const tasks = h.sandbox.tasksOf(JAN);
    const rows = await h.rows(jan, 'Profit_Subject_Tasks');
    expect(rows).toHaveLength(tasks.length);
    const [a, b] = tasks;
    const filtered = await h.rows(jan, 'Profit_Subject_Tasks', `filterfieldids=SubjectId;SubjectId&filtervalues=${a.subjectid};${b.subjectid}&operatortypes=1;1`);
    expect(filtered.map((r) => r.SubjectId).sort()).toEqual([a.subjectid, b.subjectid].sort());
    const step = workflowTaskFor(a.taskname)!;
    expect(filtered.find((r) => r.SubjectId === a.subjectid)).toMatchObject({ TaskName: step.taskGuid, WorkflowName: step.workflowGuid, User: '12345.jdevries', UserName: 'Jan de Vries' });
  });

  test('Profit_Workflowactions lists expense claims with Goedkeuren/Afkeuren, leave with Akkoord/Niet akkoord, ter-info with Afhandelen', async () => {
    const actionsOf = async (taskname: string) => {
      const step = workflowTaskFor(taskname)!;
      const rows = await h.rows(jan, 'Profit_Workflowactions', `filterfieldids=TaskName,WorkflowName&filtervalues=${step.taskGuid},${step.workflowGuid}&operatortypes=1,1`);
      return rows.map((r) => [r.ActionDescription, r.ActionType, r.SeqNo]);
    };
    expect(await actionsOf('Beoordelen declaratie')).toEqual([['Goedkeuren', 1, 10], ['Afkeuren', 1, 20], ['Doorsturen naar controller', 2, 30]]);
    expect(await actionsOf('Goedkeuren verlofaanvraag')).toEqual([['Akkoord', 1, 10], ['Niet akkoord', 1, 20]]);
    expect(await actionsOf('Kennisnemen ziekmelding')).toEqual([['Afhandelen', 1, 10]]);
    expect(await h.rows(jan, 'Profit_Workflowactions')).toHaveLength(WORKFLOW_TASKS.reduce((n, t) => n + t.actions.length, 0));
  });

  test('an action answers 201 and the task leaves the user\'s list; acting again is "already handled"', async () => {
    const { row, fields } = fieldsFor(JAN, 'Beoordelen declaratie', 'Goedkeuren', { Tx: 'Prima' });
    const res = await react(jan, fields);
    expect(res.status).toBe(201);
    expect((await h.rows(jan, 'Teams_Tasks')).map((r) => r.guid_task)).not.toContain(row.guid_task);
    expect((await h.rows(jan, 'Profit_Subject_Tasks')).map((r) => r.SubjectId)).not.toContain(row.subjectid);
    expect(h.sandbox.reactions()).toEqual([expect.objectContaining({ userId: JAN, taskId: row.guid_task, action: 'Goedkeuren', text: 'Prima' })]);

    const again = await react(jan, fields);
    expect(again.status).toBe(500);
    expect(await again.json()).toEqual({ externalMessage: expect.stringContaining('already been handled by Jan de Vries'), errorNumber: -1, profitLogReference: expect.any(String) });
    expect(h.sandbox.stats.requests.filter((r) => r.method === 'POST' && r.path.endsWith('KnSubjectWorkflowReaction'))).toHaveLength(2);
  });

  test('unknown task, an action of another task, another user\'s task: AFAS 500s, nothing handled', async () => {
    const { fields } = fieldsFor(JAN, 'Beoordelen declaratie', 'Goedkeuren');
    const expectRefusal = async (res: Response, text: string) => {
      expect(res.status).toBe(500);
      const body = (await res.json()) as Row;
      expect(body.externalMessage).toContain(text);
      expect(body.profitLogReference).toEqual(expect.any(String));
    };
    await expectRefusal(await react(jan, { ...fields, SbId: 99999 }), 'task was not found');
    await expectRefusal(await react(jan, { ...fields, AcNm: workflowTaskFor('Kennisnemen ziekmelding')!.actions[0].guid }), 'does not belong to this task');
    const fleurs = fieldsFor(FLEUR, 'Accorderen uren', 'Accorderen').fields;
    await expectRefusal(await react(jan, fleurs), 'not authorized for this task');
    expect(h.sandbox.reactions()).toEqual([]);
    expect(h.sandbox.tasksOf(JAN)).toHaveLength(9);
  });

  test('a reaction without an action is a comment: 201, and the task stays', async () => {
    const { row } = fieldsFor(JAN, 'Beoordelen declaratie', 'Goedkeuren');
    expect((await react(jan, { SbId: row.subjectid, Tx: 'Wil je de bon nog sturen?' })).status).toBe(201);
    expect(h.sandbox.tasksOf(JAN).map((t) => t.guid_task)).toContain(row.guid_task);
    expect(h.sandbox.reactions()).toEqual([expect.objectContaining({ action: null, taskId: null, text: 'Wil je de bon nog sturen?' })]);
  });

  test('a task another approver handles meanwhile answers "already handled" and leaves the list', async () => {
    const shared = h.sandbox.tasksOf(JAN).find((t) => t._handledMeanwhileBy === 'Fleur Bakker')!;
    const step = workflowTaskFor(shared.taskname)!;
    const res = await react(jan, { SbId: shared.subjectid, WfNm: step.workflowGuid, TkNm: step.taskGuid, AcNm: step.actions[0].guid });
    expect(res.status).toBe(500);
    expect(((await res.json()) as Row).externalMessage).toContain('already been handled by Fleur Bakker');
    expect(h.sandbox.tasksOf(JAN).map((t) => t.guid_task)).not.toContain(shared.guid_task);
  });

  test('handleTaskElsewhere takes a task off the list; reacting on it is "already handled"', async () => {
    const { row, fields } = fieldsFor(JAN, 'Kennisnemen ziekmelding', 'Afhandelen');
    h.sandbox.handleTaskElsewhere(JAN, String(row.guid_task), 'Sanne Jansen');
    expect(h.sandbox.tasksOf(JAN)).toHaveLength(8);
    const res = await react(jan, fields);
    expect(((await res.json()) as Row).externalMessage).toContain('Sanne Jansen');
  });

  test('bad bodies are 400, a reaction over the length limit a 500, a missing UpdateConnector a 500', async () => {
    expect((await react(jan, { WfNm: 'x' })).status).toBe(400);
    const { fields } = fieldsFor(JAN, 'Beoordelen declaratie', 'Goedkeuren');
    expect((await react(jan, { SbId: fields.SbId, AcNm: fields.AcNm })).status).toBe(400);
    const long = await react(jan, { ...fields, Tx: 'x'.repeat(4001) });
    expect(long.status).toBe(500);
    h.sandbox.setAppConnectorUpdateConnectors([]);
    const blocked = await react(jan, fields);
    expect(((await blocked.json()) as Row).externalMessage).toBe('UpdateConnector not supported for this app or the user is not authorized');
    expect(h.sandbox.tasksOf(JAN)).toHaveLength(9);
  });

  test('faults apply to the reaction path like every other: 401, 500, 503', async () => {
    const { fields } = fieldsFor(JAN, 'Beoordelen declaratie', 'Goedkeuren');
    h.sandbox.faults.set({ kind: 'unauthorized', path: 'KnSubjectWorkflowReaction', times: 1 });
    h.sandbox.faults.set({ kind: 'functional-error', path: 'KnSubjectWorkflowReaction', message: 'Boom', profitLogReference: 'REF-1', times: 1 });
    h.sandbox.faults.set({ kind: 'unavailable', path: 'KnSubjectWorkflowReaction', retryAfterSeconds: 7200, times: 1 });
    expect((await react(jan, fields)).status).toBe(401);
    expect(await (await react(jan, fields)).json()).toMatchObject({ externalMessage: 'Boom', profitLogReference: 'REF-1' });
    const maintenance = await react(jan, fields);
    expect(maintenance.status).toBe(503);
    expect(maintenance.headers.get('retry-after')).toBe('7200');
    expect(h.sandbox.tasksOf(JAN)).toHaveLength(9);
    expect((await react(jan, fields)).status).toBe(201);
  });
});
