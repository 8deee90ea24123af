import { isDemoOwner, type AppOwner } from '../../domain/app-owner';

export interface OwnerView {
  /** Null = owner of every tenant. */
  readonly tenantId: string | null;
  readonly upn: string;
  readonly displayName: string | null;
  readonly aadObjectId: string | null;
  /**
   * `config`: listed in APP_OWNERS (remove them there); `demo`: demo mode's owner while APP_OWNERS
   * is empty (set APP_OWNERS to replace them); `added`: added by an owner or on the command line.
   */
  readonly source: AppOwner['source'] | 'demo';
  readonly addedBy: string;
  readonly addedAt: string;
}

export function ownerView(owner: AppOwner): OwnerView {
  return { ...owner, source: isDemoOwner(owner) ? 'demo' : owner.source, addedAt: owner.addedAt.toISOString() };
}
