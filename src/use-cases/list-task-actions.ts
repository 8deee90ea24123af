import type { AfasConnection } from '../domain/afas-connection';
import { isAfasError } from '../domain/afas-error';
import { AppError } from '../domain/app-error';
import type { OfferedTaskAction, TaskActionOffer, TaskWorkflow } from '../domain/task-action';
import type { UserKey } from '../domain/user-key';
import type { WorkItem } from '../domain/work-item';
import type { ActivationStore } from '../ports/activation-store';
import type { ConnectionStore } from '../ports/connection-store';
import type { Logger } from '../ports/logger';
import type { TaskWorkflowSource } from '../ports/task-workflow-source';
import { connectionById } from './find-connection';
import { COMMENT, type TaskActionSignature } from './task-action-signature';

/** One action as a surface shows it (see the domain's OfferedTaskAction). */
export type OfferedAction = OfferedTaskAction;

/** The actions of one task for a card or the tab (see the domain's TaskActionOffer). */
export type TaskActionsView = TaskActionOffer;

export interface ListTaskActionsDeps {
  readonly activations: ActivationStore;
  readonly connections: ConnectionStore;
  readonly source: TaskWorkflowSource;
  readonly signature: TaskActionSignature;
  readonly logger: Logger;
}

/**
 * The AFAS actions of the user's tasks: for a page, two GetConnector calls however many tasks; for
 * one task (the task card), two more plus its title. Nothing is stored: what a card carries is signed.
 */
export class ListTaskActions {
  constructor(private readonly deps: ListTaskActionsDeps) {}

  /** Keyed by item id; tasks without (readable) actions are absent and show as before. */
  async forPage(
    user: UserKey,
    connection: AfasConnection,
    items: readonly WorkItem[],
    /** The token the list was read with, when the caller has it (saves a read). */
    tokenInUse?: () => Promise<string | null>,
  ): Promise<ReadonlyMap<string, TaskActionsView>> {
    const tasks = items.filter((i): i is WorkItem & { subjectId: string } => i.kind === 'task' && i.subjectId !== null && i.subjectId !== '');
    const views = new Map<string, TaskActionsView>();
    if (tasks.length === 0) return views;
    const token = tokenInUse ? await tokenInUse() : await this.deps.activations.getToken(user);
    if (!token) return views;
    let workflows: ReadonlyMap<string, TaskWorkflow>;
    try {
      workflows = await this.deps.source.workflowsFor(connection, token, tasks.map((t) => t.subjectId));
    } catch (error) {
      if (!isAfasError(error)) throw error;
      // The list itself was read: without actions its tasks show as before, and the log says why.
      this.deps.logger.warn({ code: error.code, status: error.status, profitLogReference: error.profitLogReference, connectionId: connection.id }, 'task actions could not be read; tasks are shown without them');
      return views;
    }
    for (const task of tasks) {
      const workflow = workflows.get(task.subjectId);
      if (workflow) views.set(task.id, this.view(user, connection.id, workflow));
    }
    return views;
  }

  /** One task's actions and title as AFAS has them now (the task card); null when the task is no longer open. */
  async forTask(user: UserKey, subjectId: string): Promise<{ readonly connection: AfasConnection; readonly title: string | null; readonly view: TaskActionsView } | null> {
    const activation = await this.deps.activations.get(user);
    const token = activation?.status === 'active' ? await this.deps.activations.getToken(user) : null;
    if (!activation || !token) throw new AppError('activation_invalid', 'The AFAS activation of this user is no longer valid.');
    const connection = await connectionById(this.deps.connections, activation.connectionId);
    const [workflows, title] = await Promise.all([this.deps.source.workflowsFor(connection, token, [subjectId]), this.deps.source.taskTitle(connection, token, subjectId)]);
    const workflow = workflows.get(subjectId);
    return workflow ? { connection, title, view: this.view(user, connection.id, workflow) } : null;
  }

  /** The view of one task's actions (for the task card and for verifying a click). */
  view(user: UserKey, connectionId: string, workflow: TaskWorkflow): TaskActionsView {
    const { signature } = this.deps;
    return {
      subjectId: workflow.subjectId,
      actions: workflow.actions.map((a, index) => ({ index, description: a.description, type: a.type, signature: signature.sign(user, connectionId, workflow, a.id) })),
      commentSignature: signature.sign(user, connectionId, workflow, COMMENT),
    };
  }
}
