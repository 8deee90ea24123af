import type { AfasConnection } from '../../domain/afas-connection';
import type { FieldMapOverrides } from '../../domain/field-map';
import type { WorkItemKind } from '../../domain/work-item';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import { canSee, type AdminScope } from './admin-scope';

/**
 * A connection as admins see it. The API key and environment key are write-only: a view says
 * whether they are set, never what they are.
 */
export interface ConnectionView {
  readonly id: string;
  /** Null = the connection serves every tenant. */
  readonly tenantId: string | null;
  readonly name: string;
  readonly environment: string;
  readonly baseUrl: string;
  readonly insiteUrl: string;
  readonly tasksConnector: string;
  readonly signalsConnector: string;
  readonly taskFieldMap: FieldMapOverrides;
  readonly signalFieldMap: FieldMapOverrides;
  readonly taskUrlTemplate: string | null;
  readonly signalUrlTemplate: string | null;
  readonly defaultTasksUrl: string;
  readonly useDefaultTasksUrl: boolean;
  readonly defaultList: WorkItemKind;
  readonly isDefault: boolean;
  readonly enabled: boolean;
  readonly secrets: { readonly apiKeySet: boolean; readonly environmentKeySet: boolean };
  /** The connection from the AFAS_* settings: only field maps, list order and enabled can change here. */
  readonly fromConfiguration: boolean;
  /** Whether the viewer may change it. */
  readonly changeable: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function connectionView(connection: AfasConnection, secretsSet: boolean, scope: AdminScope): ConnectionView {
  const { createdAt, updatedAt, ...settings } = connection;
  const changeable = canSee(scope, connection) && (scope.tenantId === null || connection.tenantId === scope.tenantId || (connection.tenantId === null && scope.everyTenant));
  return {
    ...settings,
    secrets: { apiKeySet: secretsSet, environmentKeySet: secretsSet },
    fromConfiguration: connection.id === DEFAULT_CONNECTION_ID,
    changeable,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}
