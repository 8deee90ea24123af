import { AfasSandbox, workflowTaskFor } from '../../sandbox';
import type { Core } from '../../src/composition/core';
import type { AfasConnection } from '../../src/domain/afas-connection';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { openTestCore } from '../support/test-core';

const JAN = 'jan.devries@horizon-groep.example';

describe('the AFAS task workflow adapter', () => {
  let sandbox: AfasSandbox;
  let core: Core;
  let connection: AfasConnection;
  let token: string;

  beforeEach(async () => {
    const clock = new FakeClock('2026-03-02T08:00:00Z');
    sandbox = new AfasSandbox({ clock });
    const { baseUrl } = await sandbox.listen(0);
    core = await openTestCore({ clock, logger: new RecordingLogger(), afasBaseUrl: baseUrl, afasRetry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 } });
    [connection] = await core.storage.connections.list();
    token = sandbox.issueToken(JAN);
  });
  afterEach(async () => {
    await sandbox.close();
    await core.close();
  });

  const calls = (part: string, method = 'GET') => sandbox.stats.requests.filter((r) => r.method === method && r.path.includes(part)).length;

  it('reads the actions of a whole page of tasks in two GetConnector calls, ordered handle-first by SeqNo', async () => {
    const tasks = sandbox.tasksOf(JAN);
    const workflows = await core.taskWorkflows.workflowsFor(connection, token, tasks.map((t) => String(t.subjectid)));
    expect(sandbox.stats.requests).toHaveLength(2);
    expect(calls('Profit_Subject_Tasks')).toBe(1);
    expect(calls('Profit_Workflowactions')).toBe(1);
    expect(workflows.size).toBe(tasks.length);
    const claim = tasks.find((t) => t.taskname === 'Beoordelen declaratie')!;
    expect(workflows.get(String(claim.subjectid))).toMatchObject({
      taskId: workflowTaskFor('Beoordelen declaratie')!.taskGuid,
      actions: [{ description: 'Goedkeuren', type: 1 }, { description: 'Afkeuren', type: 1 }, { description: 'Doorsturen naar controller', type: 2 }],
    });
  });

  it('reads no workflow connector at all when the connection has actions switched off', async () => {
    const off = { ...connection, taskActions: { ...connection.taskActions, enabled: false } };
    const workflows = await core.taskWorkflows.workflowsFor(off, token, sandbox.tasksOf(JAN).map((t) => String(t.subjectid)));
    expect(workflows.size).toBe(0);
    expect(sandbox.stats.requests).toHaveLength(0);
  });

  it('reads and posts to the connectors the connection names', async () => {
    const renamed = { ...connection, taskActions: { enabled: true, subjectTasksConnector: 'Eigen_Taken', workflowActionsConnector: 'Eigen_Acties', reactionConnector: 'Eigen_Reactie' } };
    await expect(core.taskWorkflows.workflowsFor(renamed, token, ['1'])).rejects.toMatchObject({ code: expect.any(String) });
    await expect(core.taskWorkflows.react(renamed, token, { subjectId: '1', workflowId: 'w', taskId: 't', actionId: null, text: 'x' })).rejects.toMatchObject({ code: expect.any(String) });
    expect(sandbox.stats.requests.map((r) => `${r.method} ${r.path.split('/').pop()}`)).toEqual(['GET Eigen_Taken', 'POST Eigen_Reactie']);
  });

  it('posts a reaction once and never repeats it, not even after a 503 the reads would retry', async () => {
    const claim = sandbox.tasksOf(JAN).find((t) => t.taskname === 'Beoordelen declaratie')!;
    const workflow = (await core.taskWorkflows.workflowsFor(connection, token, [String(claim.subjectid)])).get(String(claim.subjectid))!;
    sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 0, path: 'KnSubjectWorkflowReaction', times: 1 });
    const reaction = { subjectId: workflow.subjectId, workflowId: workflow.workflowId, taskId: workflow.taskId, actionId: workflow.actions[0].id, text: 'Akkoord' };
    await expect(core.taskWorkflows.react(connection, token, reaction)).rejects.toMatchObject({ code: 'afas_unavailable' });
    expect(calls('KnSubjectWorkflowReaction', 'POST')).toBe(1);
    await core.taskWorkflows.react(connection, token, reaction);
    expect(calls('KnSubjectWorkflowReaction', 'POST')).toBe(2);
    expect(sandbox.reactions()).toEqual([expect.objectContaining({ action: 'Goedkeuren', text: 'Akkoord' })]);
    expect(await core.taskWorkflows.isOpen(connection, token, workflow)).toBe(false);
  });

  it('reads the title of the task on a dossier item from the task connector', async () => {
    const [first] = sandbox.tasksOf(JAN);
    expect(await core.taskWorkflows.taskTitle(connection, token, String(first.subjectid))).toBe(first.description);
    expect(await core.taskWorkflows.taskTitle(connection, token, '1')).toBeNull();
  });
});
