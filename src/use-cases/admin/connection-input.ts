import { z } from 'zod';
import { NO_FIELD } from '../../domain/field-map';
import { isLoopbackHost } from '../../domain/afas-environment';
import type { InputProblemCode } from '../../domain/i18n/admin-advice';

const HEX32 = /^[0-9a-fA-F]{32}$/;
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;
const MAX_URL = 2000;

/** An https page (http only on this machine), without a user name or password in it. */
function urlProblem(text: string): InputProblemCode | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'notFullUrl';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) return 'notHttps';
  if (url.username || url.password) return 'hasCredentials';
  return null;
}

/**
 * A link template: a URL with `{field}` placeholders filled from the row. Placeholders may not
 * stand in the host: a value from AFAS must never decide which site a click goes to.
 */
export function templateProblem(template: string): InputProblemCode | null {
  const rest = template.replace(PLACEHOLDER, '');
  if (/[{}]/.test(rest)) return 'templateBraces';
  const origin = /^[a-z]+:\/\/[^/?#]*/i.exec(template)?.[0] ?? '';
  if (/\{[A-Za-z0-9_]+\}/.test(origin)) return 'templatePlaceholderInHost';
  return urlProblem(template.replace(PLACEHOLDER, 'x'));
}

const pageUrl = z
  .string()
  .trim()
  .max(MAX_URL)
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const linkTemplate = z
  .string()
  .trim()
  .max(MAX_URL)
  .superRefine((value, ctx) => {
    const problem = templateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An empty template means "none": clicks go to the default tasks URL. */
const optionalTemplate = z.union([z.literal('').transform(() => null), z.null(), linkTemplate]);

const connectorName = z.string().trim().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'connectorName');
const fieldName = z.string().trim().regex(/^[A-Za-z0-9_]{1,100}$/, 'fieldName');
/** An optional property may also be mapped to no field at all. */
const optionalField = z.union([z.literal(NO_FIELD), fieldName], { error: 'optionalFieldName' });
const fieldMap = z.strictObject({
  id: fieldName.optional(),
  title: fieldName.optional(),
  from: optionalField.optional(),
  date: optionalField.optional(),
  type: optionalField.optional(),
  opened: optionalField.optional(),
  subjectId: optionalField.optional(),
});
const appConnectorKey = z.string().trim().regex(HEX32, 'appConnectorKey');

const settings = {
  name: z.string().trim().min(1, 'empty').max(100),
  /** `O12345AA`, a participant number, or a full `.../ProfitRestServices` URL. */
  environment: z.string().trim().min(1, 'empty').max(MAX_URL),
  /** For a bare participant number: which of its environments (default production). */
  environmentType: z.enum(['production', 'test', 'acceptance']),
  tasksConnector: connectorName,
  signalsConnector: connectorName,
  taskFieldMap: fieldMap,
  signalFieldMap: fieldMap,
  insiteUrl: pageUrl,
  taskUrlTemplate: optionalTemplate,
  signalUrlTemplate: optionalTemplate,
  defaultTasksUrl: pageUrl,
  useDefaultTasksUrl: z.boolean(),
  defaultList: z.enum(['task', 'signal']),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  /** Acting on tasks: the switch and connector names; what is left out stays (or is the default). */
  taskActions: z.strictObject({
    enabled: z.boolean().optional(),
    subjectTasksConnector: connectorName.optional(),
    workflowActionsConnector: connectorName.optional(),
    reactionConnector: connectorName.optional(),
  }),
  apiKey: appConnectorKey,
  environmentKey: appConnectorKey,
};

/** A new connection. Secrets may come along (both, or neither and later). */
export const createConnectionInput = z.strictObject({
  name: settings.name,
  environment: settings.environment,
  environmentType: settings.environmentType.optional(),
  /** Operators only: the tenant it serves; absent or null = every tenant. Owners create for their own tenant. */
  tenantId: z.string().trim().min(1, 'empty').max(100).nullable().optional(),
  tasksConnector: settings.tasksConnector.default('Teams_Tasks'),
  signalsConnector: settings.signalsConnector.default('Teams_Signals'),
  taskFieldMap: settings.taskFieldMap.default({}),
  signalFieldMap: settings.signalFieldMap.default({}),
  insiteUrl: settings.insiteUrl.optional(),
  taskUrlTemplate: settings.taskUrlTemplate.default(null),
  signalUrlTemplate: settings.signalUrlTemplate.default(null),
  defaultTasksUrl: settings.defaultTasksUrl.optional(),
  useDefaultTasksUrl: settings.useDefaultTasksUrl.default(false),
  defaultList: settings.defaultList.default('task'),
  enabled: settings.enabled.default(true),
  isDefault: settings.isDefault.default(false),
  taskActions: settings.taskActions.default({}),
  apiKey: settings.apiKey.optional(),
  environmentKey: settings.environmentKey.optional(),
});
export type CreateConnectionInput = z.output<typeof createConnectionInput>;

/** A change: only the settings given change; the rest stays as it is. */
export const updateConnectionInput = z.strictObject({
  name: settings.name.optional(),
  environment: settings.environment.optional(),
  environmentType: settings.environmentType.optional(),
  tasksConnector: settings.tasksConnector.optional(),
  signalsConnector: settings.signalsConnector.optional(),
  taskFieldMap: settings.taskFieldMap.optional(),
  signalFieldMap: settings.signalFieldMap.optional(),
  insiteUrl: settings.insiteUrl.optional(),
  taskUrlTemplate: settings.taskUrlTemplate.optional(),
  signalUrlTemplate: settings.signalUrlTemplate.optional(),
  defaultTasksUrl: settings.defaultTasksUrl.optional(),
  useDefaultTasksUrl: settings.useDefaultTasksUrl.optional(),
  defaultList: settings.defaultList.optional(),
  enabled: settings.enabled.optional(),
  isDefault: settings.isDefault.optional(),
  taskActions: settings.taskActions.optional(),
  apiKey: settings.apiKey.optional(),
  environmentKey: settings.environmentKey.optional(),
});
export type UpdateConnectionInput = z.output<typeof updateConnectionInput>;

/** New secrets; either may be left out to keep the one already set. */
export const connectionSecretsInput = z.strictObject({ apiKey: settings.apiKey.optional(), environmentKey: settings.environmentKey.optional() });
export type ConnectionSecretsInput = z.output<typeof connectionSecretsInput>;

/** Settings of the connection from the AFAS_* keys that an owner may change (the rest is reset at every start). */
export const CHANGEABLE_ON_CONFIGURED: ReadonlySet<string> = new Set(['taskFieldMap', 'signalFieldMap', 'defaultList', 'enabled']);
