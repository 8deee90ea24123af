import { digestId, linksOf, type DigestSection, type Notification } from '../domain/notification';
import { newestFirst } from '../domain/notification-plan';
import type { UserKey } from '../domain/user-key';
import type { WorkItemKind } from '../domain/work-item';
import type { ConversationStore } from '../ports/conversation-store';
import type { DeliveryLedger } from '../ports/delivery-ledger';
import type { PreferenceStore } from '../ports/preference-store';
import type { WorkItemList } from '../ports/work-item-source';
import { DIGEST_CATCH_UP_MS, digestTiming, loadNotificationContext } from './notification-context';
import { heldUntil } from './quiet-hours';
import { readUserWork, type ReadUserWorkDeps } from './read-user-work';

export interface SendDigestDeps extends ReadUserWorkDeps {
  readonly conversations: ConversationStore;
  readonly preferences: PreferenceStore;
  readonly deliveries: DeliveryLedger;
}

export type DigestOutcome =
  | { readonly kind: 'send'; readonly notification: Notification; readonly next: Date | null }
  /** Nothing to send: nothing open, already sent, or the user has no digest (any more). */
  | { readonly kind: 'skip'; readonly next: Date | null }
  /** Quiet hours: ask again when they end. */
  | { readonly kind: 'held'; readonly until: Date }
  /** AFAS could not be read: try again soon (the day's digest stays planned). */
  | { readonly kind: 'retry'; readonly code: string };

/** Newest items per kind a digest carries. */
export const DIGEST_ITEMS_PER_KIND = 3;

/**
 * The daily digest due at `dueAt`: counts and the newest items of both kinds, only when something
 * is open. The day's ledger entry (`digest:YYYY-MM-DD`) is planned first, so a digest goes out
 * once per day however often this runs; one still `to_deliver` after a crash is sent again.
 */
export class SendDigest {
  constructor(private readonly deps: SendDigestDeps) {}

  async execute(user: UserKey, dueAt: Date): Promise<DigestOutcome> {
    const { deps } = this;
    const now = deps.clock.now();
    const activation = await deps.activations.get(user);
    const context = await loadNotificationContext(deps.conversations, deps.preferences, user);
    if (!activation || activation.status !== 'active' || context.conversation?.status !== 'active') return { kind: 'skip', next: null };
    const next = digestTiming(context.preferences, now).next;
    if (!context.preferences.digest) return { kind: 'skip', next };
    const hold = heldUntil(context.preferences, now);
    if (hold) return { kind: 'held', until: hold };
    const id = digestId(dueAt);
    const fresh = await deps.deliveries.planDelivery(user, 'signal', [id], now);
    if (fresh.length === 0 && !(await deps.deliveries.pending({ user, limit: 200 })).some((e) => e.itemId === id)) return { kind: 'skip', next };
    const read = await readUserWork(deps, user, activation, ['task', 'signal']);
    if (read.status !== 'ok') {
      const stale = now.getTime() - dueAt.getTime() > DIGEST_CATCH_UP_MS;
      if (read.status === 'invalid' || stale) {
        await deps.deliveries.setState(user, 'signal', [id], 'failed', now);
        return { kind: 'skip', next };
      }
      return { kind: 'retry', code: read.status === 'failed' ? read.code : 'afas_maintenance' };
    }
    const tasks = section(read.lists, 'task');
    const signals = section(read.lists, 'signal');
    if (tasks.total + signals.total === 0) {
      await deps.deliveries.setState(user, 'signal', [id], 'seen', now);
      return { kind: 'skip', next };
    }
    const notification: Notification = {
      user,
      lang: context.lang,
      content: { type: 'digest', tasks, signals },
      detail: 'full',
      entries: [{ kind: 'signal', itemId: id }],
      links: linksOf(read.connection),
    };
    return { kind: 'send', notification, next };
  }
}

function section(lists: ReadonlyMap<WorkItemKind, WorkItemList>, kind: WorkItemKind): DigestSection {
  const list = lists.get(kind);
  const items = list?.items ?? [];
  return { items: newestFirst(items).slice(0, DIGEST_ITEMS_PER_KIND), total: items.length, unread: items.filter((i) => i.unread).length, ...(list?.truncated ? { truncated: true } : {}) };
}
