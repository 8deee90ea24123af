/** The data types AFAS's metainfo reports; the sandbox uses these four. */
export type SandboxDataType = 'string' | 'date' | 'boolean' | 'int';

/** One field of a GetConnector as `metainfo/get/{id}` describes it. Rows are keyed by `id`. */
export interface ConnectorFieldDefinition {
  readonly id: string;
  /** Profit's own field id behind the connector field. */
  readonly fieldId: string;
  readonly dataType: SandboxDataType;
  readonly label: string;
  readonly length: number;
  /** Profit's control type: not publicly documented, these are plausible values. */
  readonly controlType: number;
  readonly decimals: number;
  readonly decimalsFieldId: string;
}

const CONTROL: Record<SandboxDataType, number> = { string: 1, int: 3, date: 4, boolean: 7 };

function field(id: string, fieldId: string, dataType: SandboxDataType, label: string, length: number): ConnectorFieldDefinition {
  return Object.freeze({ id, fieldId, dataType, label, length, controlType: CONTROL[dataType], decimals: 0, decimalsFieldId: '' });
}

/**
 * The task connector. The first seven ids are the product's default field map for tasks
 * (names known from AFAS Pocket's client); the rest are extras a real copy of Pocket_Tasks has.
 */
export const TASK_FIELDS: readonly ConnectorFieldDefinition[] = Object.freeze([
  field('guid_task', 'TkGu', 'string', 'Taak (GUID)', 38),
  field('description', 'Ds', 'string', 'Omschrijving', 255),
  field('submitter', 'UsNm', 'string', 'Ingediend door', 100),
  field('submitdate', 'DaSu', 'date', 'Datum ingediend', 0),
  field('subjecttype', 'StTp', 'string', 'Type dossieritem', 100),
  field('opened', 'Op', 'boolean', 'Geopend', 0),
  field('subjectid', 'SbId', 'int', 'Dossieritem', 9),
  field('profileid', 'PrId', 'int', 'Profiel', 9),
  field('workflow', 'WfDs', 'string', 'Workflow', 100),
  field('taskname', 'TkDs', 'string', 'Taak', 100),
  field('duedate', 'DaDu', 'date', 'Vervaldatum', 0),
]);

/** The signal connector; the first seven ids are the product's default field map for signals. */
export const SIGNAL_FIELDS: readonly ConnectorFieldDefinition[] = Object.freeze([
  field('guid_signal', 'SgGu', 'string', 'Signaal (GUID)', 38),
  field('description', 'Ds', 'string', 'Omschrijving', 255),
  field('submitter', 'UsNm', 'string', 'Afzender', 100),
  field('signaldate', 'DaSg', 'date', 'Datum signaal', 0),
  field('signaltype', 'SgTp', 'string', 'Soort signaal', 100),
  field('opened', 'Op', 'boolean', 'Geopend', 0),
  field('subjectid', 'SbId', 'int', 'Dossieritem', 9),
  field('language', 'LaId', 'string', 'Taal', 3),
]);

/** `Profit_Subject_Tasks`: the open workflow tasks of the token's user, per dossier item. */
export const SUBJECT_TASK_FIELDS: readonly ConnectorFieldDefinition[] = Object.freeze([
  field('SubjectId', 'SbId', 'int', 'Dossieritem', 9),
  field('WfDescription', 'WfDs', 'string', 'Workflow', 100),
  field('TaskDescription', 'TkDs', 'string', 'Taak', 100),
  field('User', 'UsId', 'string', 'Gebruiker', 50),
  field('UserName', 'UsNm', 'string', 'Naam gebruiker', 100),
  field('TaskId', 'TkId', 'int', 'Taak-id', 9),
  field('WorkflowId', 'WfId', 'int', 'Workflow-id', 9),
  field('TaskName', 'TkNm', 'string', 'Taak (GUID)', 38),
  field('WorkflowName', 'WfNm', 'string', 'Workflow (GUID)', 38),
]);

/** `Profit_Workflowactions`: the actions of every workflow task step. */
export const WORKFLOW_ACTION_FIELDS: readonly ConnectorFieldDefinition[] = Object.freeze([
  field('ActionDescription', 'AcDs', 'string', 'Actie', 100),
  field('SeqNo', 'SeNo', 'int', 'Volgnummer', 4),
  field('TaskName', 'TkNm', 'string', 'Taak (GUID)', 38),
  field('WorkflowName', 'WfNm', 'string', 'Workflow (GUID)', 38),
  field('ActionType', 'AcTp', 'int', 'Soort actie', 2),
  field('ActionTypeDescription', 'AcTpDs', 'string', 'Omschrijving soort actie', 50),
  field('ActionName', 'AcNm', 'string', 'Actie (GUID)', 38),
]);
