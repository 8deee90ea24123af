import type { AfasConnection, ConnectionView } from '../../domain/afas-connection';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import { canSee, type AdminScope } from './admin-scope';

export type { ConnectionView } from '../../domain/afas-connection';

/** The admins' view of a connection (see ConnectionView): settings, whether its keys are set, whether the viewer may change it. */
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
