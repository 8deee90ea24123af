import { SeededRandom } from './seeded-random';
import { TASK_TEMPLATES } from './task-templates';

/** One action a workflow task offers, as `Profit_Workflowactions` lists it. */
export interface WorkflowActionDefinition {
  /** The action's GUID (`ActionName`), what a reaction's `AcNm` names. */
  readonly guid: string;
  readonly description: string;
  /** 1 = handle (Afhandelen), 2 = delegate (Delegeren). */
  readonly type: 1 | 2;
  readonly seqNo: number;
}

/** A task step of a workflow with its GUIDs, as `Profit_Subject_Tasks` and `Profit_Workflowactions` name them. */
export interface WorkflowTaskDefinition {
  /** The task template's `taskname` ("Beoordelen declaratie"): how a task row finds its definition. */
  readonly taskDescription: string;
  readonly workflowDescription: string;
  readonly workflowGuid: string;
  readonly taskGuid: string;
  readonly workflowId: number;
  readonly taskId: number;
  readonly actions: readonly WorkflowActionDefinition[];
}

export const ACTION_TYPE_TEXT: Readonly<Record<1 | 2, string>> = { 1: 'Afhandelen', 2: 'Delegeren' };

/** Per task step: its actions in SeqNo order ("ter info" steps have the single Afhandelen). */
const ACTIONS_BY_TASK: Readonly<Record<string, readonly (readonly [string, 1 | 2])[]>> = {
  'Beoordelen declaratie': [['Goedkeuren', 1], ['Afkeuren', 1], ['Doorsturen naar controller', 2]],
  'Goedkeuren verlofaanvraag': [['Akkoord', 1], ['Niet akkoord', 1]],
  'Akkoord leidinggevende': [['Akkoord', 1], ['Afwijzen', 1], ['Doorsturen naar HR', 2]],
  'Fiatteren inkoopfactuur': [['Fiatteren', 1], ['Afkeuren', 1]],
  'Accorderen uren': [['Accorderen', 1], ['Afkeuren', 1]],
  'Beoordelen opleidingsaanvraag': [['Goedkeuren', 1], ['Afwijzen', 1]],
  'Controleren wijziging': [['Afhandelen', 1]],
  'Kennisnemen ziekmelding': [['Afhandelen', 1]],
};

function guidOf(text: string): string {
  return SeededRandom.fromText(text).guid();
}

/**
 * The environment's workflows, one task step per task template, with GUIDs derived from their
 * names so they are the same on every run (Profit gives new ones when a workflow is edited).
 */
export const WORKFLOW_TASKS: readonly WorkflowTaskDefinition[] = Object.freeze(
  TASK_TEMPLATES.map((template, index) => {
    const workflowGuid = guidOf(`workflow|${template.workflow}`);
    const taskGuid = guidOf(`task|${template.workflow}|${template.taskname}`);
    const actions = (ACTIONS_BY_TASK[template.taskname] ?? [['Afhandelen', 1]]).map(([description, type], at) => ({
      guid: guidOf(`action|${template.taskname}|${description}`),
      description,
      type,
      seqNo: (at + 1) * 10,
    }));
    return { taskDescription: template.taskname, workflowDescription: template.workflow, workflowGuid, taskGuid, workflowId: 100 + index, taskId: 1000 + index, actions };
  }),
);

/** The definition behind a task row (by its `taskname`), or null for a row of an unknown step. */
export function workflowTaskFor(taskname: unknown): WorkflowTaskDefinition | null {
  return WORKFLOW_TASKS.find((t) => t.taskDescription === taskname) ?? null;
}
