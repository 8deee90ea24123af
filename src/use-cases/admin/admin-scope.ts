import type { AfasConnection } from '../../domain/afas-connection';
import { AppError } from '../../domain/app-error';
import type { UserKey } from '../../domain/user-key';

/**
 * Who is changing settings, and for which tenant. Owners act for their own tenant; operators on
 * the command line act for every tenant at once.
 */
export interface AdminScope {
  /** Audit actor: the owner's UPN (else `tenant/objectId`), or `cli:<os user>`. */
  readonly actor: string;
  /** The tenant acted for; null = an operator on the command line, who sees every tenant. */
  readonly tenantId: string | null;
  /** May change what serves every tenant: shared connections and every-tenant owners. */
  readonly everyTenant: boolean;
  /** The Teams user behind the request (their activation tests a connection); null on the command line. */
  readonly user: UserKey | null;
}

export function operatorScope(osUser: string): AdminScope {
  return { actor: `cli:${osUser}`, tenantId: null, everyTenant: true, user: null };
}

export function canSee(scope: AdminScope, connection: AfasConnection): boolean {
  return scope.tenantId === null || connection.tenantId === null || connection.tenantId === scope.tenantId;
}

/** The connection when the scope may see it; `not_found` otherwise (another tenant's ids are not confirmed). */
export function visibleOrNotFound(scope: AdminScope, connection: AfasConnection | null, id: string): AfasConnection {
  if (!connection || !canSee(scope, connection)) throw new AppError('not_found', `There is no connection "${id}".`, { details: { connectionId: id } });
  return connection;
}

/** Throws `forbidden` unless the scope may change the connection. */
export function assertMayChange(scope: AdminScope, connection: AfasConnection): void {
  if (scope.tenantId === null || connection.tenantId === scope.tenantId) return;
  if (connection.tenantId === null && scope.everyTenant) return;
  throw new AppError('forbidden', `Connection "${connection.name}" serves every tenant: only owners of every tenant (APP_OWNERS) can change it.`, {
    details: { connectionId: connection.id },
  });
}
