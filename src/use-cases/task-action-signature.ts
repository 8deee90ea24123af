import type { TaskWorkflow } from '../domain/task-action';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { LinkSigner } from '../ports/link-signer';

/** What a comment is signed as, in place of an action GUID. */
export const COMMENT = 'comment';

/**
 * Signs an action offered to a user on a task: user, connection, subject, workflow, task and action
 * GUIDs. A card carries only the subject id, the action's position and this signature; a click is
 * verified against what AFAS offers at that moment, so a forged, altered or out-of-date card
 * (the workflow was edited: new GUIDs) cannot act.
 */
export class TaskActionSignature {
  constructor(private readonly signer: LinkSigner) {}

  sign(user: UserKey, connectionId: string, workflow: TaskWorkflow, actionId: string): string {
    return this.signer.sign(this.payload(user, connectionId, workflow, actionId));
  }

  verify(user: UserKey, connectionId: string, workflow: TaskWorkflow, actionId: string, signature: string): boolean {
    return this.signer.verify(this.payload(user, connectionId, workflow, actionId), signature);
  }

  private payload(user: UserKey, connectionId: string, workflow: TaskWorkflow, actionId: string): string {
    return ['task-action', userKeyString(user), connectionId, workflow.subjectId, workflow.workflowId.toLowerCase(), workflow.taskId.toLowerCase(), actionId.toLowerCase()].join('|');
  }
}
