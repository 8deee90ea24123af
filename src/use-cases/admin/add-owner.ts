import { z } from 'zod';
import { isObjectId, isUpn, normaliseUpn } from '../../domain/access-rule';
import { AppError } from '../../domain/app-error';
import type { AppOwnerStore } from '../../ports/app-owner-store';
import type { Clock } from '../../ports/clock';
import type { AdminScope } from './admin-scope';
import type { AuditTrail } from './audit-trail';
import { ownerScope, scopeWords, type OwnerTarget } from './owner-target';
import { ownerView, type OwnerView } from './owner-view';
import { parseInput } from './validation';

const addOwnerInput = z.strictObject({
  upn: z.string().trim().refine(isUpn, 'must be a user principal name such as anna@contoso.nl'),
  displayName: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
  aadObjectId: z.string().trim().refine(isObjectId, 'must be an Entra object id (a GUID)').optional(),
  everyTenant: z.boolean().optional(),
});

/** Adds an app owner: they may change connections, access and owners. */
export class AddOwner {
  constructor(private readonly deps: { readonly owners: AppOwnerStore; readonly trail: AuditTrail; readonly clock: Clock }) {}

  async execute(scope: AdminScope, raw: unknown, target: Omit<OwnerTarget, 'everyTenant'> = {}): Promise<OwnerView> {
    const input = parseInput(addOwnerInput, raw);
    const tenantId = ownerScope(scope, { ...target, everyTenant: input.everyTenant });
    const owner = {
      tenantId,
      upn: normaliseUpn(input.upn),
      aadObjectId: input.aadObjectId?.toLowerCase() ?? null,
      displayName: input.displayName ?? null,
      source: 'added' as const,
      addedBy: scope.actor,
      addedAt: this.deps.clock.now(),
    };
    if (!(await this.deps.owners.add(owner))) {
      throw new AppError('conflict', `${owner.upn} is already an owner of ${scopeWords(tenantId)}.`, { details: { upn: owner.upn } });
    }
    await this.deps.trail.record(scope, 'owner.add', owner.upn, { displayName: owner.displayName, everyTenant: tenantId === null }, tenantId);
    return ownerView(owner);
  }
}
