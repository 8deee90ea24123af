import type { AfasConnection } from '../domain/afas-connection';
import type { TaskReaction, TaskWorkflow } from '../domain/task-action';

/**
 * AFAS's workflow side of the user's tasks, with the user's own token. All methods reject with
 * `AfasError`; `react` is never repeated automatically, because a repeat could act twice.
 */
export interface TaskWorkflowSource {
  /**
   * The open workflow task and its actions per dossier item (subject id), for the given subjects:
   * at most two GetConnector calls however many subjects. A subject without exactly one open task
   * of the user is left out (the card then shows that task as before, without actions).
   */
  workflowsFor(connection: AfasConnection, token: string, subjectIds: readonly string[]): Promise<ReadonlyMap<string, TaskWorkflow>>;
  /** Whether the user still has this workflow task open (one GetConnector call). */
  isOpen(connection: AfasConnection, token: string, task: { readonly subjectId: string; readonly taskId: string; readonly workflowId: string }): Promise<boolean>;
  /** The title of the user's task on this dossier item from the connection's task connector (one call); null when it is gone. */
  taskTitle(connection: AfasConnection, token: string, subjectId: string): Promise<string | null>;
  /** Posts one reaction (`KnSubjectWorkflowReaction`). */
  react(connection: AfasConnection, token: string, reaction: TaskReaction): Promise<void>;
}
