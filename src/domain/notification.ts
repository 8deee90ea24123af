import type { AfasConnection } from './afas-connection';
import { formatAfasDate } from './amsterdam-time';
import type { TaskActionOffer } from './task-action';
import type { UserKey } from './user-key';
import type { Language } from './user-preferences';
import type { WorkItem, WorkItemKind } from './work-item';

/**
 * A proactive message to one user, as data: what to tell them, not how a card looks (the
 * notifier in `bot/proactive` renders it). Plain data only, so a durable job queue can keep it.
 */
export interface Notification {
  readonly user: UserKey;
  readonly lang: Language;
  readonly content: NotificationContent;
  /** How much to show; a 413 from Teams steps it down (see `smallerDetail`). */
  readonly detail: NotificationDetail;
  /** The ledger entries this message announces: they become `delivered` when Teams accepts it. */
  readonly entries: readonly LedgerRef[];
  /** Where "Open" and "Open AFAS" lead; null for messages without item links. */
  readonly links: NotificationLinks | null;
}

export type NotificationContent =
  /** One new task or signal; a task with the AFAS actions it offered when it was read (signed, by position). */
  | { readonly type: 'item'; readonly item: WorkItem; readonly actions?: TaskActionOffer }
  /** Several new items at once (more than the coalescing threshold, or held by quiet hours). */
  | { readonly type: 'summary'; readonly items: readonly WorkItem[]; readonly counts: ItemCounts }
  /** The first poll after activation: what is open already, said once instead of one card per old item; `atLeast`: kinds whose count is a lower bound ("500+"). */
  | { readonly type: 'baseline'; readonly counts: ItemCounts; readonly atLeast?: readonly WorkItemKind[] }
  /** AFAS refused the user's token: activate again (sent once per invalidation). */
  | { readonly type: 'reactivate' }
  /** An app owner invites classic users to sign in with OAuth: our signed start link for this user. */
  | { readonly type: 'oauthInvite'; readonly startUrl: string }
  /** The daily digest: counts and the newest items of both kinds. */
  | { readonly type: 'digest'; readonly tasks: DigestSection; readonly signals: DigestSection };

export type NotificationType = NotificationContent['type'];

/** How many items of each kind a message speaks of. */
export type ItemCounts = Readonly<Partial<Record<WorkItemKind, number>>>;

export interface DigestSection {
  /** The newest few, newest first. */
  readonly items: readonly WorkItem[];
  readonly total: number;
  readonly unread: number;
  /** AFAS holds more than were read (the row cap): `total` and `unread` are lower bounds ("500+"). */
  readonly truncated?: boolean;
}

export type NotificationDetail = 'full' | 'compact' | 'minimal';

/** The next smaller rendering after Teams refused a message as too big; null when none is left. */
export function smallerDetail(detail: NotificationDetail): NotificationDetail | null {
  return detail === 'full' ? 'compact' : detail === 'compact' ? 'minimal' : null;
}

export interface LedgerRef {
  readonly kind: WorkItemKind;
  readonly itemId: string;
}

export type NotificationLinks = Pick<AfasConnection, 'insiteUrl' | 'taskUrlTemplate' | 'signalUrlTemplate' | 'defaultTasksUrl' | 'useDefaultTasksUrl'>;

export function linksOf(connection: AfasConnection): NotificationLinks {
  const { insiteUrl, taskUrlTemplate, signalUrlTemplate, defaultTasksUrl, useDefaultTasksUrl } = connection;
  return { insiteUrl, taskUrlTemplate, signalUrlTemplate, defaultTasksUrl, useDefaultTasksUrl };
}

/*
 * Ledger ids for messages that are not about one AFAS item. They live next to item ids (GUIDs) in
 * the delivery ledger, under kind `signal`, so one table remembers everything that was said.
 */
const BASELINE = 'baseline:';
const REACTIVATE = 'reactivate:';
const DIGEST = 'digest:';
const OAUTH_INVITE = 'oauth-invite:';

/** Marks that the first poll of an activation recorded what was already open. */
export function baselineId(activatedAt: Date): string {
  return `${BASELINE}${activatedAt.getTime()}`;
}

/** The one "activate again" message of an activation that AFAS stopped accepting. */
export function reactivationId(activatedAt: Date): string {
  return `${REACTIVATE}${activatedAt.getTime()}`;
}

/** The one OAuth invitation of an invite (`invite` = its Amsterdam date). */
export function oauthInviteId(invite: string): string {
  return `${OAUTH_INVITE}${invite}`;
}

/** The digest of one Amsterdam calendar day. */
export function digestId(dueAt: Date): string {
  return `${DIGEST}${amsterdamDate(dueAt)}`;
}

export function isSyntheticId(itemId: string): boolean {
  return itemId.startsWith(BASELINE) || itemId.startsWith(REACTIVATE) || itemId.startsWith(DIGEST) || itemId.startsWith(OAUTH_INVITE);
}

export function isReactivationId(itemId: string): boolean {
  return itemId.startsWith(REACTIVATE);
}

export function isOAuthInviteId(itemId: string): boolean {
  return itemId.startsWith(OAUTH_INVITE);
}

export function isDigestId(itemId: string): boolean {
  return itemId.startsWith(DIGEST);
}

/** `2026-03-02`: the Amsterdam calendar date of an instant. */
export function amsterdamDate(instant: Date): string {
  return formatAfasDate(instant).slice(0, 10);
}
