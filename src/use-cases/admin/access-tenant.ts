import type { AfasConnection } from '../../domain/afas-connection';
import { inputProblem, validationFailed } from './validation';
import type { AdminScope } from './admin-scope';

/** Whose access rule: the connection's tenant, or for a shared connection the admin's own tenant. */
export function accessTenant(scope: AdminScope, connection: AfasConnection, tenantId?: string): string {
  const tenant = connection.tenantId ?? scope.tenantId ?? tenantId ?? null;
  if (tenant === null) throw validationFailed([inputProblem('tenant', 'tenantRequired')]);
  return tenant;
}
