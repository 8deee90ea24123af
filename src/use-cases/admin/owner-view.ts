import type { AppOwner } from '../../domain/app-owner';

export interface OwnerView {
  /** Null = owner of every tenant. */
  readonly tenantId: string | null;
  readonly upn: string;
  readonly displayName: string | null;
  readonly aadObjectId: string | null;
  /** `config`: listed in APP_OWNERS (remove them there); `added`: added by an owner or on the command line. */
  readonly source: AppOwner['source'];
  readonly addedBy: string;
  readonly addedAt: string;
}

export function ownerView(owner: AppOwner): OwnerView {
  return { ...owner, addedAt: owner.addedAt.toISOString() };
}
