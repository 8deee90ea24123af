import type { SandboxRow } from './sandbox-types';
import type { SandboxUser } from './user-directory';
import { ACTION_TYPE_TEXT, WORKFLOW_TASKS, workflowTaskFor } from './workflow-definitions';

/** `Profit_Subject_Tasks` for the token's user: one row per open task that belongs to a workflow step. */
export function subjectTaskRows(user: SandboxUser): SandboxRow[] {
  return user.tasks.flatMap((task) => {
    const step = workflowTaskFor(task.taskname);
    if (!step) return [];
    return [{
      SubjectId: task.subjectid,
      WfDescription: step.workflowDescription,
      TaskDescription: step.taskDescription,
      User: user.userCode,
      UserName: user.name,
      TaskId: step.taskId,
      WorkflowId: step.workflowId,
      TaskName: step.taskGuid,
      WorkflowName: step.workflowGuid,
    }];
  });
}

/** `Profit_Workflowactions`: every action of every workflow step (definitions, the same for everyone). */
export function workflowActionRows(): SandboxRow[] {
  return WORKFLOW_TASKS.flatMap((step) =>
    step.actions.map((action) => ({
      ActionDescription: action.description,
      SeqNo: action.seqNo,
      TaskName: step.taskGuid,
      WorkflowName: step.workflowGuid,
      ActionType: action.type,
      ActionTypeDescription: ACTION_TYPE_TEXT[action.type],
      ActionName: action.guid,
    })),
  );
}
