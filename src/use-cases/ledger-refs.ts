import type { LedgerRef } from '../domain/notification';
import type { UserKey } from '../domain/user-key';
import type { WorkItemKind } from '../domain/work-item';
import type { DeliveryLedger, DeliveryState } from '../ports/delivery-ledger';

/** Moves entries of either kind to `state`: one ledger call per kind. */
export async function setRefsState(ledger: DeliveryLedger, user: UserKey, refs: readonly LedgerRef[], state: DeliveryState, at: Date): Promise<void> {
  const byKind = new Map<WorkItemKind, string[]>();
  for (const ref of refs) byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref.itemId]);
  for (const [kind, ids] of byKind) await ledger.setState(user, kind, ids, state, at);
}
