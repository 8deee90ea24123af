import type { AfasConnection } from '../domain/afas-connection';
import { NO_FIELD, resolveFieldMap } from '../domain/field-map';
import { orderedActions, type TaskReaction, type TaskWorkflow } from '../domain/task-action';
import type { AfasRow } from '../domain/work-item';
import { AFAS_OPERATORS, type AfasAuth, type AfasClient, type AfasClientFactory, type AfasFilter } from '../ports/afas-client';
import type { Logger } from '../ports/logger';
import type { TaskWorkflowSource } from '../ports/task-workflow-source';
import { afasAuthFor } from './auth-header';
import { plainText } from './row-mapper';
import { subjectTaskRowSchema, workflowActionRowSchema, type SubjectTaskRow, type WorkflowActionRow } from './workflow-wire-schemas';

/** Rows read per call: a page of tasks has a handful of subjects, and a step a handful of actions. */
const TAKE = 500;

const equals = (field: string, value: string): AfasFilter => ({ field, operator: AFAS_OPERATORS.equals, value });
const pairKey = (taskId: string, workflowId: string) => `${taskId.toLowerCase()}|${workflowId.toLowerCase()}`;

/**
 * Reads the workflow GUIDs of the user's tasks (the connection's `Profit_Subject_Tasks`, `;`-OR over the page's
 * subjects) and the actions of those steps (`Profit_Workflowactions`, `;`-OR over the distinct
 * steps): two calls for a whole page, through the client's shared 8-in-flight limiter.
 */
export class AfasTaskWorkflowSource implements TaskWorkflowSource {
  constructor(private readonly afas: AfasClientFactory, private readonly logger: Logger) {}

  async workflowsFor(connection: AfasConnection, token: string, subjectIds: readonly string[]): Promise<ReadonlyMap<string, TaskWorkflow>> {
    const subjects = [...new Set(subjectIds.filter((s) => s.trim() !== ''))];
    const found = new Map<string, TaskWorkflow>();
    // Switched off for the connection: not a single workflow connector is read.
    if (subjects.length === 0 || !connection.taskActions.enabled) return found;
    const client = this.afas.forBaseUrl(connection.baseUrl);
    const auth: AfasAuth = afasAuthFor(token);
    const steps = await this.subjectTasks(connection, client, auth, subjects.map((s) => [equals('SubjectId', s)]));
    // Two open steps on one subject cannot be told apart by the task row: no actions for it.
    const bySubject = new Map<string, SubjectTaskRow[]>();
    for (const row of steps) bySubject.set(row.SubjectId, [...(bySubject.get(row.SubjectId) ?? []), row]);
    const single = [...bySubject.values()].filter((rows) => new Set(rows.map((r) => pairKey(r.TaskName, r.WorkflowName))).size === 1).map((rows) => rows[0]);
    if (single.length === 0) return found;
    const pairs = new Map(single.map((r) => [pairKey(r.TaskName, r.WorkflowName), r]));
    const actionRows = await this.rows(client, auth, connection.taskActions.workflowActionsConnector, [...pairs.values()].map((r) => [equals('TaskName', r.TaskName), equals('WorkflowName', r.WorkflowName)]), 'TaskName', workflowActionRowSchema);
    const actionsByPair = new Map<string, WorkflowActionRow[]>();
    for (const row of actionRows) {
      const key = pairKey(row.TaskName, row.WorkflowName);
      actionsByPair.set(key, [...(actionsByPair.get(key) ?? []), row]);
    }
    for (const row of single) {
      const actions = actionsByPair.get(pairKey(row.TaskName, row.WorkflowName)) ?? [];
      if (actions.length === 0) continue;
      found.set(row.SubjectId, {
        subjectId: row.SubjectId,
        workflowId: row.WorkflowName,
        taskId: row.TaskName,
        actions: orderedActions(actions.map((a) => ({ id: a.ActionName, description: a.ActionDescription, type: a.ActionType, seqNo: a.SeqNo }))),
      });
    }
    return found;
  }

  async isOpen(connection: AfasConnection, token: string, task: { readonly subjectId: string; readonly taskId: string; readonly workflowId: string }): Promise<boolean> {
    const client = this.afas.forBaseUrl(connection.baseUrl);
    const rows = await this.subjectTasks(connection, client, afasAuthFor(token), [[equals('SubjectId', task.subjectId)]]);
    return rows.some((r) => pairKey(r.TaskName, r.WorkflowName) === pairKey(task.taskId, task.workflowId));
  }

  async taskTitle(connection: AfasConnection, token: string, subjectId: string): Promise<string | null> {
    const map = resolveFieldMap('task', connection.taskFieldMap);
    if (map.subjectId === NO_FIELD) return null;
    const page = await this.afas.forBaseUrl(connection.baseUrl).getConnector(afasAuthFor(token), connection.tasksConnector, {
      skip: 0,
      take: 10,
      orderBy: [map.date === NO_FIELD ? map.id : `-${map.date}`],
      filters: [[equals(map.subjectId, subjectId)]],
    });
    const row = page.rows[0];
    return row ? plainText(row[map.title]) : null;
  }

  async react(connection: AfasConnection, token: string, reaction: TaskReaction): Promise<void> {
    const fields: Record<string, string | number> = { SbId: subjectNumber(reaction.subjectId) };
    if (reaction.actionId !== null) Object.assign(fields, { WfNm: reaction.workflowId, TkNm: reaction.taskId, AcNm: reaction.actionId });
    if (reaction.text !== '') fields.Tx = reaction.text;
    await this.afas.forBaseUrl(connection.baseUrl).postConnector(afasAuthFor(token), connection.taskActions.reactionConnector, { KnWorkflow: { Element: { Fields: fields } } });
  }

  private subjectTasks(connection: AfasConnection, client: AfasClient, auth: AfasAuth, filters: AfasFilter[][]): Promise<SubjectTaskRow[]> {
    return this.rows(client, auth, connection.taskActions.subjectTasksConnector, filters, 'SubjectId', subjectTaskRowSchema);
  }

  private async rows<T>(client: AfasClient, auth: AfasAuth, connectorId: string, filters: AfasFilter[][], orderBy: string, schema: { safeParse(row: AfasRow): { success: true; data: T } | { success: false } }): Promise<T[]> {
    const page = await client.getConnector(auth, connectorId, { skip: 0, take: TAKE, orderBy: [orderBy], filters });
    const parsed: T[] = [];
    let dropped = 0;
    for (const row of page.rows) {
      const result = schema.safeParse(row);
      if (result.success) parsed.push(result.data);
      else dropped++;
    }
    if (dropped > 0) this.logger.warn({ code: 'afas_workflow_rows_dropped', connectorId, dropped }, 'workflow rows without the fields actions need were left out');
    return parsed;
  }
}

/** AFAS's SbId is a number; the product keeps subject ids as text (from any connector). */
function subjectNumber(subjectId: string): number | string {
  return /^\d{1,15}$/.test(subjectId) ? Number(subjectId) : subjectId;
}
