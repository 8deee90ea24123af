import { callApi, type ApiClientOptions } from '../api-client';
import {
  accessRuleSchema,
  adminRoleSchema,
  auditPageSchema,
  classicInviteSchema,
  connectionAuthSchema,
  connectionCheckSchema,
  connectionListSchema,
  connectionSchema,
  noContentSchema,
  ownerListSchema,
  ownerSchema,
  type AccessMode,
  type AccessRule,
  type AdminConnection,
  type AdminMe,
  type AdminOwner,
  type AuditEvent,
  type ClassicInvite,
  type ConnectionAuth,
  type ConnectionCheck,
  type FieldMapOverrides,
} from '../../contracts/admin-api';

export type EnvironmentType = 'production' | 'test' | 'acceptance';

/** What a save sends: only what changed (a new connection: what was filled in). Keys only when typed. */
export interface ConnectionChanges {
  name?: string;
  environment?: string;
  /** Only with a bare participant number (12345). */
  environmentType?: EnvironmentType;
  apiKey?: string;
  environmentKey?: string;
  tasksConnector?: string;
  signalsConnector?: string;
  insiteUrl?: string;
  /** '' = no template: clicks go to the default tasks URL. */
  taskUrlTemplate?: string;
  signalUrlTemplate?: string;
  defaultTasksUrl?: string;
  useDefaultTasksUrl?: boolean;
  defaultList?: 'task' | 'signal';
  enabled?: boolean;
  /** Acting on tasks: only what changes; a connector name left out keeps its value. */
  taskActions?: Partial<AdminConnection['taskActions']>;
  taskFieldMap?: FieldMapOverrides;
  signalFieldMap?: FieldMapOverrides;
}

/** A change of a connection's sign-in settings: only what changes; the secret only when typed. */
export interface ConnectionAuthChanges {
  authMode?: ConnectionAuth['authMode'];
  clientId?: string | null;
  clientSecret?: string;
  scope?: string;
}

/** What the admin screen asks the server (/api/admin/*). Implemented over HTTP below; tests use a fake. */
export interface AdminApi {
  /** The owner's scope for app owners; null for everyone else (asked without a failing request). */
  me(): Promise<AdminMe | null>;
  connections(): Promise<AdminConnection[]>;
  createConnection(input: ConnectionChanges): Promise<AdminConnection>;
  updateConnection(id: string, changes: ConnectionChanges): Promise<AdminConnection>;
  removeConnection(id: string): Promise<void>;
  setDefaultConnection(id: string): Promise<AdminConnection>;
  testConnection(id: string): Promise<ConnectionCheck>;
  accessRule(connectionId: string): Promise<AccessRule>;
  setAccessRule(connectionId: string, rule: { mode: AccessMode; users: string[] }): Promise<AccessRule>;
  owners(): Promise<AdminOwner[]>;
  addOwner(upn: string): Promise<AdminOwner>;
  /** `everyTenant`: the owner is one of every tenant (tenantId null). */
  removeOwner(upn: string, everyTenant: boolean): Promise<void>;
  /** Newest first; `beforeId` pages to older events. */
  audit(page: { limit: number; beforeId?: number }): Promise<AuditEvent[]>;
  /** How a connection's users sign in to AFAS, with the counts and the warning. */
  connectionAuth(id: string): Promise<ConnectionAuth>;
  setConnectionAuth(id: string, changes: ConnectionAuthChanges): Promise<ConnectionAuth>;
  inviteClassicUsers(id: string): Promise<ClassicInvite>;
}

const path = (id: string) => `/api/admin/connections/${encodeURIComponent(id)}`;

/** The admin API over fetch, with the same Teams SSO token as the tab API. */
export class HttpAdminApi implements AdminApi {
  constructor(private readonly options: ApiClientOptions) {}

  async me(): Promise<AdminMe | null> {
    const role = await callApi(this.options, 'GET', '/api/admin/role', undefined, adminRoleSchema);
    return role.owner ? { tenantId: role.tenantId, actor: role.actor, everyTenant: role.everyTenant } : null;
  }

  async connections(): Promise<AdminConnection[]> {
    return (await callApi(this.options, 'GET', '/api/admin/connections', undefined, connectionListSchema)).connections;
  }

  createConnection(input: ConnectionChanges): Promise<AdminConnection> {
    return callApi(this.options, 'POST', '/api/admin/connections', input, connectionSchema);
  }

  updateConnection(id: string, changes: ConnectionChanges): Promise<AdminConnection> {
    return callApi(this.options, 'PATCH', path(id), changes, connectionSchema);
  }

  async removeConnection(id: string): Promise<void> {
    await callApi(this.options, 'DELETE', path(id), undefined, noContentSchema);
  }

  setDefaultConnection(id: string): Promise<AdminConnection> {
    return callApi(this.options, 'POST', `${path(id)}/default`, {}, connectionSchema);
  }

  testConnection(id: string): Promise<ConnectionCheck> {
    return callApi(this.options, 'POST', `${path(id)}/test`, {}, connectionCheckSchema);
  }

  accessRule(connectionId: string): Promise<AccessRule> {
    return callApi(this.options, 'GET', `${path(connectionId)}/access`, undefined, accessRuleSchema);
  }

  setAccessRule(connectionId: string, rule: { mode: AccessMode; users: string[] }): Promise<AccessRule> {
    return callApi(this.options, 'PUT', `${path(connectionId)}/access`, rule, accessRuleSchema);
  }

  async owners(): Promise<AdminOwner[]> {
    return (await callApi(this.options, 'GET', '/api/admin/owners', undefined, ownerListSchema)).owners;
  }

  addOwner(upn: string): Promise<AdminOwner> {
    return callApi(this.options, 'POST', '/api/admin/owners', { upn }, ownerSchema);
  }

  async removeOwner(upn: string, everyTenant: boolean): Promise<void> {
    await callApi(this.options, 'DELETE', `/api/admin/owners/${encodeURIComponent(upn)}${everyTenant ? '?everyTenant=true' : ''}`, undefined, noContentSchema);
  }

  async audit(page: { limit: number; beforeId?: number }): Promise<AuditEvent[]> {
    const query = new URLSearchParams({ limit: String(page.limit), ...(page.beforeId === undefined ? {} : { beforeId: String(page.beforeId) }) });
    return (await callApi(this.options, 'GET', `/api/admin/audit?${query.toString()}`, undefined, auditPageSchema)).events;
  }

  connectionAuth(id: string): Promise<ConnectionAuth> {
    return callApi(this.options, 'GET', `${path(id)}/auth`, undefined, connectionAuthSchema);
  }

  setConnectionAuth(id: string, changes: ConnectionAuthChanges): Promise<ConnectionAuth> {
    return callApi(this.options, 'PUT', `${path(id)}/auth`, changes, connectionAuthSchema);
  }

  inviteClassicUsers(id: string): Promise<ClassicInvite> {
    return callApi(this.options, 'POST', `${path(id)}/auth/invite`, {}, classicInviteSchema);
  }
}
