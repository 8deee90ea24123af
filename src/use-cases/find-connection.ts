import type { AfasConnection } from '../domain/afas-connection';
import { AppError } from '../domain/app-error';
import type { ConnectionStore } from '../ports/connection-store';

/**
 * The connection a tenant's users activate against: the tenant's own default, else the
 * connection configured for every tenant. Disabled connections are never chosen.
 */
export async function findConnectionForTenant(store: ConnectionStore, tenantId: string): Promise<AfasConnection> {
  const candidates = (await store.listForTenant(tenantId)).filter((c) => c.enabled);
  const pick =
    candidates.find((c) => c.tenantId === tenantId && c.isDefault) ??
    candidates.find((c) => c.tenantId === tenantId) ??
    candidates.find((c) => c.tenantId === null && c.isDefault) ??
    candidates.find((c) => c.tenantId === null);
  if (!pick) throw new AppError('no_connection', 'No AFAS connection is set up for this organisation yet.');
  return pick;
}

/** The connection an activation was made against, if it still exists and is enabled. */
export async function connectionById(store: ConnectionStore, id: string): Promise<AfasConnection> {
  const connection = await store.get(id);
  if (!connection || !connection.enabled) throw new AppError('no_connection', 'The AFAS connection this activation used is no longer available.');
  return connection;
}
