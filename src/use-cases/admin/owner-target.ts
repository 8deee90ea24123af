import { AppError } from '../../domain/app-error';
import type { AdminScope } from './admin-scope';

export interface OwnerTarget {
  /** Owners of every tenant (only owners of every tenant and operators may touch those). */
  readonly everyTenant?: boolean;
  /** Operators only: the tenant; absent = every tenant. Owners always act for their own tenant. */
  readonly tenantId?: string;
}

/** The scope an owner is added to or removed from: null = every tenant. */
export function ownerScope(scope: AdminScope, target: OwnerTarget): string | null {
  const tenant = target.everyTenant ? null : (scope.tenantId ?? target.tenantId ?? null);
  if (tenant === null && !scope.everyTenant) {
    throw new AppError('forbidden', 'Only owners of every tenant (APP_OWNERS) can add or remove owners of every tenant.');
  }
  return tenant;
}

export function scopeWords(tenantId: string | null): string {
  return tenantId === null ? 'every tenant' : `tenant ${tenantId}`;
}
