import type { ItemCounts, LedgerRef, NotificationContent } from './notification';
import type { WorkItem } from './work-item';

/** More new items than this in one poll become one summary card instead of a card each. */
export const COALESCE_THRESHOLD = 3;
/** A summary carries the newest this many items (the card may show fewer); the rest are counted. */
export const SUMMARY_ITEMS_KEPT = 10;

export interface PlannedMessage {
  readonly content: NotificationContent;
  /** Every item the message announces (a summary counts more than it carries). */
  readonly entries: readonly LedgerRef[];
}

/**
 * Which messages announce a poll's new items. Up to three: one card each, oldest first so the
 * newest ends at the bottom of the chat. More: one summary. Items that were held back (quiet
 * hours, or a send that could not finish) always come as one message, however few.
 */
export function planItemMessages(items: readonly WorkItem[], options: { readonly held: boolean }): PlannedMessage[] {
  if (items.length === 0) return [];
  if (items.length === 1 || !(options.held || items.length > COALESCE_THRESHOLD)) {
    return [...items].reverse().sort(byDateAscending).map((item) => ({ content: { type: 'item', item }, entries: [refOf(item)] }));
  }
  return [{ content: { type: 'summary', items: newestFirst(items).slice(0, SUMMARY_ITEMS_KEPT), counts: countByKind(items) }, entries: items.map(refOf) }];
}

function refOf(item: WorkItem): LedgerRef {
  return { kind: item.kind, itemId: item.id };
}

function byDateAscending(a: WorkItem, b: WorkItem): number {
  return (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0);
}

/** Newest first by date; undated items last, otherwise in the given order. */
export function newestFirst(items: readonly WorkItem[]): WorkItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.date?.getTime() ?? -Infinity) - (a.item.date?.getTime() ?? -Infinity) || a.index - b.index)
    .map(({ item }) => item);
}

export function countByKind(items: readonly WorkItem[]): ItemCounts {
  const counts: { task?: number; signal?: number } = {};
  for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return counts;
}
