/**
 * Acting on AFAS workflow tasks: the actions a task offers (`Profit_Workflowactions`), the
 * reaction that takes one (`KnSubjectWorkflowReaction`) and the rules for its text.
 */

/** The connectors AFAS documents for task actions; the GetConnector names are the defaults of a connection. */
export const TASK_ACTION_CONNECTORS = {
  subjectTasks: 'Profit_Subject_Tasks',
  workflowActions: 'Profit_Workflowactions',
  reaction: 'KnSubjectWorkflowReaction',
} as const;

/**
 * A connection's task actions: the switch (on unless an admin or the operator turns it off) and the
 * names of the connectors in its App connector. Off: no connector of these is read or posted to.
 */
export interface TaskActionSettings {
  readonly enabled: boolean;
  readonly subjectTasksConnector: string;
  readonly workflowActionsConnector: string;
  readonly reactionConnector: string;
}

export const DEFAULT_TASK_ACTION_SETTINGS: TaskActionSettings = Object.freeze({
  enabled: true,
  subjectTasksConnector: TASK_ACTION_CONNECTORS.subjectTasks,
  workflowActionsConnector: TASK_ACTION_CONNECTORS.workflowActions,
  reactionConnector: TASK_ACTION_CONNECTORS.reaction,
});

/** AFAS's ActionType: 1 = handle (Afhandelen), 2 = delegate (Delegeren); others exist. */
export const HANDLE_ACTION_TYPE = 1;

/** One action a workflow task offers. GUIDs change when the workflow is edited: never keep them long. */
export interface WorkflowAction {
  /** `ActionName` (GUID): what a reaction's `AcNm` names. */
  readonly id: string;
  /** The customer's own text ("Goedkeuren", "Afkeuren", "Afhandelen"). */
  readonly description: string;
  readonly type: number;
  readonly seqNo: number;
}

/** The user's open workflow task on a dossier item, with the actions it offers (ordered by SeqNo). */
export interface TaskWorkflow {
  readonly subjectId: string;
  /** `WorkflowName` (GUID). */
  readonly workflowId: string;
  /** `TaskName` (GUID). */
  readonly taskId: string;
  readonly actions: readonly WorkflowAction[];
}

/** What is sent to AFAS: with `action`, the task is handled; without, a comment on the dossier item. */
export interface TaskReaction {
  readonly subjectId: string;
  readonly workflowId: string;
  readonly taskId: string;
  readonly actionId: string | null;
  readonly text: string;
}

/** Longer reaction texts are refused before anything is sent (AFAS's own limit is not public). */
export const MAX_REACTION_TEXT_LENGTH = 1000;

// Control characters except tab and line feed (carriage returns are folded into line feeds first).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

export type ReactionTextCheck =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: 'tooLong' | 'controlCharacters' | 'required' };

/** The reaction text as it will be sent (trimmed, CRLF as LF), or why it cannot be. */
export function checkReactionText(raw: string, options: { readonly required?: boolean } = {}): ReactionTextCheck {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (CONTROL_CHARACTERS.test(text)) return { ok: false, problem: 'controlCharacters' };
  if (text.length > MAX_REACTION_TEXT_LENGTH) return { ok: false, problem: 'tooLong' };
  if (options.required && text === '') return { ok: false, problem: 'required' };
  return { ok: true, text };
}

/** Actions in the order a user sees them: the handle actions by SeqNo first, then the others by SeqNo. */
export function orderedActions(actions: readonly WorkflowAction[]): WorkflowAction[] {
  const bySeq = (a: WorkflowAction, b: WorkflowAction) => a.seqNo - b.seqNo;
  return [...actions.filter((a) => a.type === HANDLE_ACTION_TYPE).sort(bySeq), ...actions.filter((a) => a.type !== HANDLE_ACTION_TYPE).sort(bySeq)];
}

/** How a result reads: AFAS's usual action words get a translated verb, anything else is quoted as is. */
export type ActionOutcomeWord = 'approved' | 'rejected' | 'handled';

const OUTCOME_WORDS: Readonly<Record<string, ActionOutcomeWord>> = {
  goedkeuren: 'approved',
  akkoord: 'approved',
  accorderen: 'approved',
  fiatteren: 'approved',
  approve: 'approved',
  afkeuren: 'rejected',
  afwijzen: 'rejected',
  'niet akkoord': 'rejected',
  reject: 'rejected',
  afhandelen: 'handled',
  gelezen: 'handled',
};

export function outcomeWord(description: string): ActionOutcomeWord | null {
  return OUTCOME_WORDS[description.trim().toLowerCase()] ?? null;
}

/** One action as a surface shows it; a click sends back the task's subject id, `index` and `signature`. */
export interface OfferedTaskAction {
  readonly index: number;
  readonly description: string;
  /** AFAS's ActionType: 1 = handle (the buttons), others under "More". */
  readonly type: number;
  readonly signature: string;
}

/** The actions of one task for a card or the tab: positions and signatures, never AFAS's GUIDs. */
export interface TaskActionOffer {
  readonly subjectId: string;
  /** Handle actions first (by SeqNo), then the others (by SeqNo). */
  readonly actions: readonly OfferedTaskAction[];
  /** Signature of a reaction without an action (a comment) on this task. */
  readonly commentSignature: string;
}

/** The final state a sent task card is updated to when the task was acted on elsewhere. */
export type FinalTaskState =
  | { readonly status: 'done'; readonly action: string | null; readonly title: string; readonly at: Date }
  | { readonly status: 'alreadyHandled'; readonly title: string | null };
