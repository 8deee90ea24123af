import { translate } from '../../src/domain/i18n/translate';
import type { ItemCounts } from '../../src/domain/notification';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItem } from '../../src/domain/work-item';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card';
import { openUrlAction } from './card-actions';
import { fitsMessageBudget } from './card-size';
import { allItemsAction, kindsIn, newCountsPhrase } from './notification-lines';
import { heading, paragraph } from './rich-text';
import { workItemView } from './work-item-view';

/** Items a full summary shows; a compact one (after a 413) shows this many. */
export const SUMMARY_SHOWN = 10;
export const COMPACT_SUMMARY_SHOWN = 3;

export interface NotificationSummaryCardInput {
  readonly lang: Language;
  /** The newest new items, newest first (may be fewer than `counts` adds up to). */
  readonly items: readonly WorkItem[];
  readonly counts: ItemCounts;
  readonly itemUrl: (item: WorkItem) => string;
  readonly insiteUrl: string;
  readonly compact?: boolean;
}

function build(input: NotificationSummaryCardInput, shown: number): AdaptiveCard {
  const { lang, counts } = input;
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const body: CardElement[] = [heading(translate(lang, 'notify.summary.title', { items: newCountsPhrase(lang, counts) }))];
  for (const item of input.items.slice(0, shown)) body.push(workItemView(item, lang, input.itemUrl(item)));
  const rest = total - Math.min(shown, input.items.length);
  if (rest > 0) body.push(paragraph(translate(lang, 'summary.more', { count: rest }), { isSubtle: true, size: 'small' }));
  return adaptiveCard(body, [...kindsIn(counts).map((kind) => allItemsAction(lang, kind)), openUrlAction(translate(lang, 'list.openAfas'), input.insiteUrl)]);
}

/**
 * Several new items in one message (more than three at once, or what quiet hours held back):
 * "You have 5 new signals and 2 new tasks", the newest of them, "and N more". Shows fewer items
 * when the message budget demands it.
 */
export function buildNotificationSummaryCard(input: NotificationSummaryCardInput): AdaptiveCard {
  let shown = input.compact ? COMPACT_SUMMARY_SHOWN : SUMMARY_SHOWN;
  let card = build(input, shown);
  while (shown > 0 && !fitsMessageBudget(card)) card = build(input, --shown);
  return card;
}
