import { isDigestId, isOAuthInviteId, isReactivationId, isSyntheticId, type LedgerRef } from '../domain/notification';
import type { WorkItem, WorkItemKind } from '../domain/work-item';
import type { DeliveryEntry } from '../ports/delivery-ledger';
import type { WorkItemList } from '../ports/work-item-source';

/** A ledger entry sent this many times without Teams accepting it is given up (`failed`). */
export const MAX_DELIVERY_ATTEMPTS = 8;

export interface PendingSort {
  /** Still open in AFAS: announce again. */
  readonly resend: WorkItem[];
  /** Nothing to say any more (the item was handled, its kind is switched off, a past digest): `seen`. */
  readonly obsolete: LedgerRef[];
  /** Tried too often: `failed`. */
  readonly exhausted: LedgerRef[];
}

/**
 * Sorts a user's `to_deliver` entries left over from a send that did not finish (a crash, a
 * give-up, quiet hours) against the lists just read. Digests of today are left alone: the digest
 * job owns them.
 */
export function sortPending(entries: readonly DeliveryEntry[], lists: ReadonlyMap<WorkItemKind, WorkItemList>, skip: ReadonlySet<string>, today: string): PendingSort {
  const sorted: PendingSort = { resend: [], obsolete: [], exhausted: [] };
  const byKind = new Map([...lists].map(([kind, list]) => [kind, new Map(list.items.map((item) => [item.id, item]))] as const));
  for (const entry of entries) {
    const ref = { kind: entry.kind, itemId: entry.itemId };
    if (skip.has(refKey(ref))) continue;
    if (isSyntheticId(entry.itemId)) {
      // An invitation whose send did not finish is not sent again: at most one card per user per invite.
      if (isReactivationId(entry.itemId) || isOAuthInviteId(entry.itemId) || (isDigestId(entry.itemId) && entry.itemId.slice('digest:'.length) < today)) sorted.obsolete.push(ref);
      continue;
    }
    if (entry.attempts >= MAX_DELIVERY_ATTEMPTS) {
      sorted.exhausted.push(ref);
      continue;
    }
    const item = byKind.get(entry.kind)?.get(entry.itemId);
    if (item) sorted.resend.push(item);
    else sorted.obsolete.push(ref);
  }
  return sorted;
}

export function refKey(ref: LedgerRef): string {
  return `${ref.kind}:${ref.itemId}`;
}
