import * as z from 'zod/mini';
import type { ConnectionView } from '../src/domain/afas-connection';
import type { ClassicInviteResult, ConnectionAuthView } from '../src/domain/connection-auth';
import { adviceParamsSchema } from './tab-api';

/*
 * The admin API's answers (/api/admin/*) as the tab trusts them: every answer is parsed with these
 * schemas first. Unknown keys are dropped, so a key value could never reach a view even if a
 * server sent one. Texts (names, messages, audit details) are plain text and rendered as text.
 */

const isoDate = z.string();
const kind = z.enum(['task', 'signal']);

/** GET /api/admin/me: 200 only for app owners. */
export const adminMeSchema = z.object({ tenantId: z.nullable(z.string()), actor: z.string(), everyTenant: z.boolean() });
export type AdminMe = z.infer<typeof adminMeSchema>;

/** GET /api/admin/role: 200 for everyone signed in; the owner's scope only for app owners. */
export const adminRoleSchema = z.union([
  z.object({ owner: z.literal(true), tenantId: z.nullable(z.string()), actor: z.string(), everyTenant: z.boolean() }),
  z.object({ owner: z.literal(false) }),
]);

/** Which connector field feeds which work-item property (`date` -> `submitdate`); only overrides. */
export const fieldMapSchema = z.record(z.string(), z.string());
export type FieldMapOverrides = z.infer<typeof fieldMapSchema>;

/** A connection. The API key and environment key are write-only: only whether they are set. */
export const connectionSchema = z.object({
  id: z.string(),
  tenantId: z.nullable(z.string()),
  name: z.string(),
  environment: z.string(),
  baseUrl: z.string(),
  insiteUrl: z.string(),
  tasksConnector: z.string(),
  signalsConnector: z.string(),
  taskFieldMap: fieldMapSchema,
  signalFieldMap: fieldMapSchema,
  taskUrlTemplate: z.nullable(z.string()),
  signalUrlTemplate: z.nullable(z.string()),
  defaultTasksUrl: z.string(),
  useDefaultTasksUrl: z.boolean(),
  defaultList: kind,
  isDefault: z.boolean(),
  enabled: z.boolean(),
  /** Acting on tasks: on/off and the names of the two GetConnectors and the UpdateConnector. */
  taskActions: z.object({ enabled: z.boolean(), subjectTasksConnector: z.string(), workflowActionsConnector: z.string(), reactionConnector: z.string() }),
  secrets: z.object({ apiKeySet: z.boolean(), environmentKeySet: z.boolean() }),
  /** From the AFAS_* settings: only field maps, list order and enabled can change. */
  fromConfiguration: z.boolean(),
  changeable: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type AdminConnection = z.infer<typeof connectionSchema>;
// The wire form is the server's ConnectionView (src/domain/afas-connection.ts), field for field, both ways.
export const viewIsWire = (view: ConnectionView): AdminConnection => ({ ...view, taskFieldMap: { ...view.taskFieldMap }, signalFieldMap: { ...view.signalFieldMap } });
export const wireIsView = (wire: AdminConnection): ConnectionView => wire;
export const connectionListSchema = z.object({ connections: z.array(connectionSchema) });

/**
 * GET/PUT /api/admin/connections/:id/auth: how the connection's users sign in to AFAS. The client
 * secret is write-only (only whether it is set); `redirectUri` is shown to be registered in AFAS.
 */
export const connectionAuthSchema = z.object({
  connectionId: z.string(),
  authMode: z.enum(['classic', 'oauth', 'both']),
  clientId: z.nullable(z.string()),
  clientSecretSet: z.boolean(),
  scope: z.string(),
  redirectUri: z.string(),
  users: z.object({ classic: z.number(), oauth: z.number() }),
  classicEndWarning: z.boolean(),
  fromConfiguration: z.boolean(),
  changeable: z.boolean(),
});
export type ConnectionAuth = z.infer<typeof connectionAuthSchema>;
// Field for field the server's ConnectionAuthView, both ways.
export const authViewIsWire = (view: ConnectionAuthView): ConnectionAuth => view;
export const authWireIsView = (wire: ConnectionAuth): ConnectionAuthView => wire;

/** POST /api/admin/connections/:id/auth/invite: one card per classic user, at most once per user per invite (day). */
export const classicInviteSchema = z.object({ connectionId: z.string(), invite: z.string(), invited: z.number(), alreadyInvited: z.number(), notReached: z.number() });
export type ClassicInvite = z.infer<typeof classicInviteSchema>;
export const inviteIsWire = (result: ClassicInviteResult): ClassicInvite => result;

/** POST /api/admin/connections/:id/test: each finding as a code with parameters, and the API's English sentence. */
export const connectionCheckSchema = z.object({
  connectionId: z.string(),
  outcome: z.enum(['ok', 'problems', 'not_confirmable']),
  checkedAt: isoDate,
  testedWith: z.nullable(z.string()),
  profitVersion: z.nullable(z.string()),
  connectors: z.array(
    z.object({
      kind,
      connector: z.string(),
      inAppConnector: z.nullable(z.boolean()),
      missingFields: z.array(z.object({ field: z.string(), usedFor: z.array(z.string()) })),
    }),
  ),
  findings: z.array(
    z.object({
      check: z.string(),
      status: z.enum(['ok', 'problem', 'warning']),
      /** Said in the user's language from the catalogue; `message` (English) when the code is unknown. */
      code: z.optional(z.string()),
      params: z.optional(adviceParamsSchema),
      message: z.string(),
      kind: z.optional(kind),
      profitLogReference: z.optional(z.string()),
    }),
  ),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

export const accessModeSchema = z.enum(['everyone', 'listed']);
export type AccessMode = z.infer<typeof accessModeSchema>;

export const accessRuleSchema = z.object({
  connectionId: z.string(),
  tenantId: z.string(),
  mode: accessModeSchema,
  users: z.array(z.object({ upn: z.nullable(z.string()), aadObjectId: z.nullable(z.string()) })),
  updatedBy: z.nullable(z.string()),
  updatedAt: z.nullable(isoDate),
});
export type AccessRule = z.infer<typeof accessRuleSchema>;

export const ownerSchema = z.object({
  /** Null = owner of every tenant. */
  tenantId: z.nullable(z.string()),
  upn: z.string(),
  displayName: z.nullable(z.string()),
  aadObjectId: z.nullable(z.string()),
  /** `config`: listed in APP_OWNERS, removed only there; `demo`: demo mode's owner while APP_OWNERS is empty. */
  source: z.enum(['config', 'demo', 'added']),
  addedBy: z.string(),
  addedAt: isoDate,
});
export type AdminOwner = z.infer<typeof ownerSchema>;
export const ownerListSchema = z.object({ owners: z.array(ownerSchema) });

export const auditEventSchema = z.object({
  id: z.number(),
  at: isoDate,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  /** The connection's name when the event concerns one. */
  targetName: z.nullable(z.string()),
  tenantId: z.nullable(z.string()),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditPageSchema = z.object({ events: z.array(auditEventSchema) });

/** 204 No Content (a removal). */
export const noContentSchema = z.null();
