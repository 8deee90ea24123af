import type { UserKey } from '../domain/user-key';
import type { WorkItemKind } from '../domain/work-item';

/**
 * `seen`: known without a notification (first poll, or the user was shown it otherwise);
 * `to_deliver`: written before the send; `delivered`: the Bot Connector accepted it;
 * `failed`: given up (for example the user blocked the bot).
 */
export type DeliveryState = 'seen' | 'to_deliver' | 'delivered' | 'failed';

export interface DeliveryEntry {
  readonly user: UserKey;
  readonly kind: WorkItemKind;
  readonly itemId: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Which work item was notified to whom: the memory that prevents duplicates and losses. */
export interface DeliveryLedger {
  /** The subset of `itemIds` the ledger already knows for this user (any state). */
  known(user: UserKey, kind: WorkItemKind, itemIds: readonly string[]): Promise<Set<string>>;
  /** Records ids as `seen` unless already known. */
  markSeen(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], at: Date): Promise<void>;
  /** Records ids as `to_deliver` unless already known; returns the ids it newly recorded. */
  planDelivery(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], at: Date): Promise<string[]>;
  /**
   * Moves those of `itemIds` that are `failed` back to `to_deliver` (one more attempt) and returns
   * them: a message Teams did not take may be tried again. Of two callers at once, one gets each id.
   */
  retryFailed(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], at: Date): Promise<string[]>;
  /** Moves ids to `state` (and counts an attempt for `to_deliver` → `to_deliver` retries). */
  setState(user: UserKey, kind: WorkItemKind, itemIds: readonly string[], state: DeliveryState, at: Date): Promise<void>;
  /** Entries still `to_deliver`, oldest first; for one user or for everyone. */
  pending(filter: { user?: UserKey; limit: number }): Promise<DeliveryEntry[]>;
  /** Whether the user has any entry at all (false before the first poll after activation). */
  hasAny(user: UserKey): Promise<boolean>;
}
