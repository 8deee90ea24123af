import { formatTime } from '../../src/domain/i18n/format-date-time';
import { translate } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItem, WorkItemKind } from '../../src/domain/work-item';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card';
import { executeAction, openUrlAction } from './card-actions';
import { fitsMessageBudget } from './card-size';
import { countLine, countNumber } from './list-lines';
import { heading, paragraph } from './rich-text';
import { VERBS } from './verbs';
import type { TaskActionsView } from '../../src/use-cases/list-task-actions';
import { taskItemView } from './task-action-buttons';
import { workItemView } from './work-item-view';

export const SUMMARY_ITEMS_PER_KIND = 3;

export interface SummarySection {
  readonly items: readonly WorkItem[];
  /** Defaults to `items.length`. */
  readonly totalCount?: number;
  /** AFAS holds more than the total (the row cap): counts read "500+". */
  readonly truncated?: boolean;
  /** Defaults to the unread items. */
  readonly newCount?: number;
}

export interface SummaryCardInput {
  readonly lang: Language;
  readonly tasks: SummarySection;
  readonly signals: SummarySection;
  readonly itemUrl: (item: WorkItem) => string;
  readonly insiteUrl: string;
  readonly tabUrl?: string | null;
  readonly now: Date;
  /** AFAS actions of the tasks shown, by item id: buttons under those tasks. */
  readonly taskActions?: ReadonlyMap<string, TaskActionsView>;
}

/** Newest first by date; undated items last, otherwise the caller's order. */
export function newestFirst(items: readonly WorkItem[]): WorkItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.date?.getTime() ?? -Infinity) - (a.item.date?.getTime() ?? -Infinity) || a.index - b.index)
    .map(({ item }) => item);
}

function section(input: SummaryCardInput, kind: WorkItemKind, perKind: number): CardElement[] {
  const { lang } = input;
  const data = kind === 'task' ? input.tasks : input.signals;
  const total = Math.max(data.totalCount ?? data.items.length, data.items.length);
  const newCount = data.newCount ?? data.items.filter((i) => i.unread).length;
  const title = translate(lang, kind === 'task' ? 'summary.tasks' : 'summary.signals');
  const elements: CardElement[] = [paragraph(title, { weight: 'bolder' }, { spacing: 'large' })];
  if (total === 0) {
    elements.push(paragraph(translate(lang, kind === 'task' ? 'list.tasks.empty' : 'list.signals.empty'), { isSubtle: true }, { spacing: 'none' }));
    return elements;
  }
  elements.push(paragraph(countLine(lang, kind, total, newCount, data.truncated), { isSubtle: true }, { spacing: 'none' }));
  const shown = newestFirst(data.items).slice(0, perKind);
  for (const item of shown) {
    const actions = kind === 'task' ? input.taskActions?.get(item.id) : undefined;
    elements.push(actions ? taskItemView(item, actions, lang, input.itemUrl(item), 'summary') : workItemView(item, lang, input.itemUrl(item)));
  }
  if (total > shown.length) elements.push(paragraph(translate(lang, 'summary.more', { count: countNumber(lang, total - shown.length, data.truncated === true) }), { isSubtle: true, size: 'small' }));
  return elements;
}

function build(input: SummaryCardInput, perKind: number): AdaptiveCard {
  const { lang } = input;
  const body: CardElement[] = [heading(translate(lang, 'summary.title'))];
  const nothingOpen = input.tasks.items.length === 0 && input.signals.items.length === 0 && !input.tasks.totalCount && !input.signals.totalCount;
  if (nothingOpen) body.push(paragraph(translate(lang, 'summary.empty'), {}, { spacing: 'small' }));
  else body.push(...section(input, 'task', perKind), ...section(input, 'signal', perKind));
  body.push(paragraph(translate(lang, 'list.updated', { time: formatTime(lang, input.now) }), { isSubtle: true, size: 'small' }, { spacing: 'medium' }));
  const actions: CardAction[] = [
    executeAction(VERBS.listPage, translate(lang, 'summary.allTasks'), { kind: 'task', page: 1, from: 'summary' }),
    executeAction(VERBS.listPage, translate(lang, 'summary.allSignals'), { kind: 'signal', page: 1, from: 'summary' }),
    executeAction(VERBS.summaryRefresh, translate(lang, 'list.refresh'), {}),
    openUrlAction(translate(lang, 'list.openAfas'), input.insiteUrl),
  ];
  if (input.tabUrl) actions.push(openUrlAction(translate(lang, 'list.openTab'), input.tabUrl, 'secondary'));
  return adaptiveCard(body, actions);
}

/**
 * Both lists at a glance: counts, and the newest three of each. "All tasks"/"All signals" turn the
 * card into the paged list. Shows fewer items when the message budget demands it.
 */
export function buildSummaryCard(input: SummaryCardInput): AdaptiveCard {
  let perKind = SUMMARY_ITEMS_PER_KIND;
  let card = build(input, perKind);
  while (perKind > 0 && !fitsMessageBudget(card)) {
    perKind -= 1;
    card = build(input, perKind);
  }
  return card;
}
