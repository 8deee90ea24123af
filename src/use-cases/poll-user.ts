import type { Activation } from '../domain/activation';
import type { AfasConnection } from '../domain/afas-connection';
import { baselineId, amsterdamDate, linksOf, type ItemCounts, type Notification, type NotificationContent } from '../domain/notification';
import { countByKind, planItemMessages } from '../domain/notification-plan';
import type { UserKey } from '../domain/user-key';
import type { UserPreferences } from '../domain/user-preferences';
import type { WorkItem, WorkItemKind } from '../domain/work-item';
import type { ConversationStore } from '../ports/conversation-store';
import type { DeliveryLedger } from '../ports/delivery-ledger';
import type { PreferenceStore } from '../ports/preference-store';
import type { WorkItemList } from '../ports/work-item-source';
import { setRefsState } from './ledger-refs';
import { digestTiming, loadNotificationContext, NO_DIGEST, type DigestTiming, type NotificationContext } from './notification-context';
import { refKey, sortPending } from './pending-deliveries';
import type { ProactiveTaskCards } from './proactive-task-cards';
import { heldUntil } from './quiet-hours';
import type { ReactivationNotice } from './reactivation-notice';
import { readUserWork, type ReadUserWorkDeps } from './read-user-work';

export interface PollUserDeps extends ReadUserWorkDeps {
  readonly conversations: ConversationStore;
  readonly preferences: PreferenceStore;
  readonly deliveries: DeliveryLedger;
  readonly reactivation: ReactivationNotice;
  /** New-task cards get the task's AFAS actions (absent: cards without them). */
  readonly taskCards?: Pick<ProactiveTaskCards, 'withActions'>;
}

export type PollOutcome =
  /** Read and compared; `notifications` are planned in the ledger and ready to send. */
  | {
      readonly kind: 'ok';
      readonly notifications: Notification[];
      /** The kinds read, and how many new items of each were planned. */
      readonly kinds: readonly WorkItemKind[];
      readonly found: ItemCounts;
      readonly pendingLeft: boolean;
      readonly heldUntil: Date | null;
      readonly digest: DigestTiming;
    }
  /** Nothing to read: no usable conversation, or every notification switched off. */
  | { readonly kind: 'idle'; readonly reason: 'no_conversation' | 'blocked' | 'retired' | 'notifications_off'; readonly digest: DigestTiming }
  /** The user's AFAS environment is in maintenance. */
  | { readonly kind: 'paused'; readonly until: Date; readonly kinds: readonly WorkItemKind[]; readonly digest: DigestTiming }
  /** Reading failed: the ledger is untouched; back off. */
  | { readonly kind: 'failed'; readonly code: string; readonly profitLogReference?: string; readonly kinds: readonly WorkItemKind[]; readonly digest: DigestTiming }
  /** No active activation any more: stop polling (after sending `notifications`, the re-activation notice). */
  | { readonly kind: 'stop'; readonly reason: 'not_activated' | 'invalid'; readonly notifications: Notification[] };

/** Keeps `to_deliver` lookups bounded; more are handled by the next poll. */
const PENDING_BATCH = 200;

/**
 * One poll for one user: read the kinds they want notifications for, compare with the delivery
 * ledger and plan what is new. The first poll of an activation records everything as seen and
 * says once how much is open. A poll that fails never touches the ledger.
 */
export class PollUser {
  constructor(private readonly deps: PollUserDeps) {}

  async execute(user: UserKey, options: { readonly checkPending: boolean }): Promise<PollOutcome> {
    const { deps } = this;
    const activation = await deps.activations.get(user);
    if (!activation) return { kind: 'stop', reason: 'not_activated', notifications: [] };
    const context = await loadNotificationContext(deps.conversations, deps.preferences, user);
    if (activation.status === 'invalid') return { kind: 'stop', reason: 'invalid', notifications: await deps.reactivation.execute(user, activation, context.lang) };
    const status = context.conversation?.status ?? null;
    if (status !== 'active') return { kind: 'idle', reason: status ?? 'no_conversation', digest: NO_DIGEST };
    const digest = digestTiming(context.preferences, deps.clock.now(), activation.activatedAt);
    const kinds = enabledKinds(context.preferences);
    if (kinds.length === 0) return { kind: 'idle', reason: 'notifications_off', digest };
    const read = await readUserWork(deps, user, activation, kinds);
    if (read.status === 'invalid') return { kind: 'stop', reason: 'invalid', notifications: await deps.reactivation.execute(user, activation, context.lang) };
    if (read.status === 'paused') return { kind: 'paused', until: read.until, kinds, digest };
    if (read.status === 'failed') return { kind: 'failed', code: read.code, profitLogReference: read.profitLogReference, kinds, digest };
    return this.compare(user, activation, context, read.lists, read.connection, options.checkPending, digest);
  }

  private async compare(
    user: UserKey,
    activation: Activation,
    context: NotificationContext,
    lists: ReadonlyMap<WorkItemKind, WorkItemList>,
    connection: AfasConnection,
    checkPending: boolean,
    digest: DigestTiming,
  ): Promise<PollOutcome> {
    const { deliveries, clock } = this.deps;
    const now = clock.now();
    const baseline: { task?: number; signal?: number } = {};
    const atLeast: WorkItemKind[] = [];
    const planned: WorkItem[] = [];
    for (const [kind, list] of lists) {
      const ids = list.items.map((item) => item.id);
      const marker = baselineId(activation.activatedAt);
      const known = await deliveries.known(user, kind, [...ids, marker]);
      if (!known.has(marker)) {
        await deliveries.markSeen(user, kind, [marker, ...ids], now);
        baseline[kind] = list.items.length;
        if (list.truncated) atLeast.push(kind);
        continue;
      }
      const fresh = list.items.filter((item) => !known.has(item.id));
      const shiftedIn = list.truncated ? olderThanEveryKnown(fresh, list.items, known) : [];
      if (shiftedIn.length > 0) await deliveries.markSeen(user, kind, shiftedIn.map((item) => item.id), now);
      const candidates = fresh.filter((item) => !shiftedIn.includes(item));
      const won = new Set(await deliveries.planDelivery(user, kind, candidates.map((item) => item.id), now));
      planned.push(...candidates.filter((item) => won.has(item.id)));
    }
    let resend: WorkItem[] = [];
    let pendingLeft = false;
    if (checkPending) {
      const entries = await deliveries.pending({ user, limit: PENDING_BATCH });
      const sorted = sortPending(entries, lists, new Set(planned.map((item) => refKey({ kind: item.kind, itemId: item.id }))), amsterdamDate(now));
      await setRefsState(deliveries, user, sorted.obsolete, 'seen', now);
      await setRefsState(deliveries, user, sorted.exhausted, 'failed', now);
      resend = sorted.resend;
      pendingLeft = entries.length >= PENDING_BATCH;
    }
    const found = countByKind(planned);
    const hold = heldUntil(context.preferences, now);
    const toSend = [...resend, ...planned];
    const kinds = [...lists.keys()];
    if (hold && toSend.length > 0) return { kind: 'ok', notifications: [], kinds, found, pendingLeft: true, heldUntil: hold, digest };
    const links = linksOf(connection);
    const message = (content: NotificationContent, entries: Notification['entries']): Notification => ({ user, lang: context.lang, content, detail: 'full', entries, links });
    const notifications: Notification[] = [];
    // In quiet hours the first-poll message is skipped, not held: it has no ledger entry to survive a restart.
    if (!hold && Object.values(baseline).some((count) => count > 0)) notifications.push(message({ type: 'baseline', counts: baseline, ...(atLeast.length > 0 ? { atLeast } : {}) }, []));
    for (const plan of planItemMessages(toSend, { held: resend.length > 0 })) notifications.push(message(plan.content, plan.entries));
    const offered = this.deps.taskCards ? await this.deps.taskCards.withActions(user, connection, notifications) : notifications;
    return { kind: 'ok', notifications: offered, kinds, found, pendingLeft, heldUntil: null, digest };
  }
}

function enabledKinds(preferences: UserPreferences): WorkItemKind[] {
  const kinds: WorkItemKind[] = [];
  if (preferences.signalNotifications) kinds.push('signal');
  if (preferences.taskNotifications) kinds.push('task');
  return kinds;
}

/**
 * When AFAS holds more rows than the cap, only the newest are read; as the user handles items,
 * older ones move into that window without being new. They are older than every item already known.
 */
function olderThanEveryKnown(fresh: readonly WorkItem[], all: readonly WorkItem[], known: ReadonlySet<string>): WorkItem[] {
  const knownDates = all.filter((item) => known.has(item.id) && item.date !== null).map((item) => item.date!.getTime());
  if (knownDates.length === 0) return [];
  const oldestKnown = Math.min(...knownDates);
  return fresh.filter((item) => item.date !== null && item.date.getTime() < oldestKnown);
}
