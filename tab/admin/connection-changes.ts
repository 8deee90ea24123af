import type { AdminConnection, FieldMapOverrides } from '../../contracts/admin-api';
import { DEFAULT_TASK_ACTION_SETTINGS } from '../../src/domain/task-action';
import type { ConnectionChanges, EnvironmentType } from './admin-api';

/** What the connection form holds, as typed (trimmed). Keys are '' unless typed. */
export interface ConnectionFormValues {
  readonly name: string;
  readonly environment: string;
  readonly environmentType: EnvironmentType;
  readonly apiKey: string;
  readonly environmentKey: string;
  readonly tasksConnector: string;
  readonly signalsConnector: string;
  readonly insiteUrl: string;
  readonly taskUrlTemplate: string;
  readonly signalUrlTemplate: string;
  readonly defaultTasksUrl: string;
  readonly useDefaultTasksUrl: boolean;
  readonly defaultList: 'task' | 'signal';
  readonly enabled: boolean;
  /** The switch and the three connector names; a name is '' for AFAS's standard one. */
  readonly taskActions: AdminConnection['taskActions'];
  readonly taskFieldMap: FieldMapOverrides;
  readonly signalFieldMap: FieldMapOverrides;
}

const PARTICIPANT = /^\d{5}$/;

/** Which environment of a participant a base URL points at (12345.resttest.afas.online = test). */
export function environmentTypeOf(baseUrl: string): EnvironmentType {
  const host = /^https:\/\/\d{5}\.(rest|resttest|restaccept)\.afas\.online\//i.exec(`${baseUrl}/`)?.[1].toLowerCase();
  return host === 'resttest' ? 'test' : host === 'restaccept' ? 'acceptance' : 'production';
}

/** The type only means something for a bare participant number; the API refuses it otherwise. */
export function isParticipantNumber(environment: string): boolean {
  return PARTICIPANT.test(environment.trim());
}

/** A new connection: everything filled in; empty optional URLs are left to the server's defaults. */
export function creationOf(values: ConnectionFormValues): ConnectionChanges {
  const { environmentType, apiKey, environmentKey, insiteUrl, defaultTasksUrl, taskActions, ...rest } = values;
  const actions = taskActionChanges(DEFAULT_TASK_ACTION_SETTINGS, taskActions);
  return {
    ...rest,
    ...(actions ? { taskActions: actions } : {}),
    ...(isParticipantNumber(values.environment) ? { environmentType } : {}),
    ...(insiteUrl ? { insiteUrl } : {}),
    ...(defaultTasksUrl ? { defaultTasksUrl } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(environmentKey ? { environmentKey } : {}),
  };
}

/**
 * A change: only what differs from the stored connection (the AFAS_* connection accepts nothing
 * else), keys only when typed. Emptied InSite or default tasks URLs are left as they are.
 */
export function changesOf(before: AdminConnection, values: ConnectionFormValues): ConnectionChanges {
  const changes: ConnectionChanges = {};
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  for (const key of ['name', 'environment', 'tasksConnector', 'signalsConnector', 'useDefaultTasksUrl', 'defaultList', 'enabled'] as const) {
    if (differs(values[key], before[key])) Object.assign(changes, { [key]: values[key] });
  }
  if (values.taskUrlTemplate !== (before.taskUrlTemplate ?? '')) changes.taskUrlTemplate = values.taskUrlTemplate;
  if (values.signalUrlTemplate !== (before.signalUrlTemplate ?? '')) changes.signalUrlTemplate = values.signalUrlTemplate;
  if (values.insiteUrl && values.insiteUrl !== before.insiteUrl) changes.insiteUrl = values.insiteUrl;
  if (values.defaultTasksUrl && values.defaultTasksUrl !== before.defaultTasksUrl) changes.defaultTasksUrl = values.defaultTasksUrl;
  const actions = taskActionChanges(before.taskActions, values.taskActions);
  if (actions) changes.taskActions = actions;
  if (differs(sorted(values.taskFieldMap), sorted(before.taskFieldMap))) changes.taskFieldMap = values.taskFieldMap;
  if (differs(sorted(values.signalFieldMap), sorted(before.signalFieldMap))) changes.signalFieldMap = values.signalFieldMap;
  if (isParticipantNumber(values.environment) && (changes.environment !== undefined || values.environmentType !== environmentTypeOf(before.baseUrl))) {
    changes.environmentType = values.environmentType;
  }
  if (values.apiKey) changes.apiKey = values.apiKey;
  if (values.environmentKey) changes.environmentKey = values.environmentKey;
  return changes;
}

const TASK_ACTION_CONNECTORS = ['subjectTasksConnector', 'workflowActionsConnector', 'reactionConnector'] as const;

/** What of the task-action settings differs from `before` (an emptied name is AFAS's standard one); null: nothing. */
function taskActionChanges(before: AdminConnection['taskActions'], values: AdminConnection['taskActions']): ConnectionChanges['taskActions'] | null {
  const changes: ConnectionChanges['taskActions'] = {};
  if (values.enabled !== before.enabled) changes.enabled = values.enabled;
  for (const key of TASK_ACTION_CONNECTORS) {
    const name = values[key] || DEFAULT_TASK_ACTION_SETTINGS[key];
    if (name !== before[key]) changes[key] = name;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

function sorted(map: FieldMapOverrides): [string, string][] {
  return Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
}
