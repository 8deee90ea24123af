import { formatTime } from '../../src/domain/i18n/format-date-time';
import { translate } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItem, WorkItemKind } from '../../src/domain/work-item';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card';
import { executeAction, openUrlAction } from './card-actions';
import { fitsMessageBudget } from './card-size';
import { countLine, moreLine } from './list-lines';
import { heading, paragraph } from './rich-text';
import { VERBS } from './verbs';
import type { TaskActionsView } from '../../src/use-cases/list-task-actions';
import { taskItemView } from './task-action-buttons';
import { workItemView } from './work-item-view';

export const ITEMS_PER_PAGE = 10;

export interface WorkListCardInput {
  readonly lang: Language;
  readonly kind: WorkItemKind;
  /** The user's open items of this kind, in display order (newest first); the card pages through them. */
  readonly items: readonly WorkItem[];
  /** 1-based; a page past the end shows the last page. */
  readonly page: number;
  /** Open items in total when AFAS holds more than `items` (defaults to `items.length`). */
  readonly totalCount?: number;
  /** AFAS holds more than the total: only the newest were read (the row cap), so counts read "500+". */
  readonly truncated?: boolean;
  /** "New" in the header; defaults to the unread items among `items`. */
  readonly newCount?: number;
  /** Where "Open" on an item leads (see `itemUrl`). */
  readonly itemUrl: (item: WorkItem) => string;
  readonly insiteUrl: string;
  /** Deep link to the personal tab, when the app has one. */
  readonly tabUrl?: string | null;
  readonly now: Date;
  /** Opened from the summary card: a Back button returns to it, and paging keeps it. */
  readonly from?: 'summary';
  /** The list's version (`listVersion`), carried by the paging buttons so an old card's click can be told apart. */
  readonly version?: string;
  /** The click came from a card whose list has changed since: say so above the current list. */
  readonly changed?: boolean;
  /** AFAS actions of the tasks on this page, by item id: buttons under those tasks. */
  readonly taskActions?: ReadonlyMap<string, TaskActionsView>;
}

export interface PageWindow {
  readonly page: number;
  readonly pages: number;
  readonly start: number;
  readonly end: number;
}

/** Which items a 1-based page holds, the page clamped into range. */
export function pageWindow(itemCount: number, requestedPage: number): PageWindow {
  const pages = Math.max(1, Math.ceil(itemCount / ITEMS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages);
  const start = (page - 1) * ITEMS_PER_PAGE;
  return { page, pages, start, end: Math.min(itemCount, start + ITEMS_PER_PAGE) };
}

function listActions(input: WorkListCardInput, window: PageWindow): CardAction[] {
  const { lang, kind } = input;
  const from = { ...(input.from ? { from: input.from } : {}), ...(input.version ? { v: input.version } : {}) };
  const actions: CardAction[] = [];
  if (input.from === 'summary') actions.push(executeAction(VERBS.summaryRefresh, translate(lang, 'list.back'), {}));
  if (window.page > 1) actions.push(executeAction(VERBS.listPage, translate(lang, 'list.previous'), { kind, page: window.page - 1, ...from }));
  if (window.page < window.pages) actions.push(executeAction(VERBS.listPage, translate(lang, 'list.next'), { kind, page: window.page + 1, ...from }));
  actions.push(executeAction(VERBS.listRefresh, translate(lang, 'list.refresh'), { kind, page: window.page, ...from }));
  actions.push(openUrlAction(translate(lang, 'list.openAfas'), input.insiteUrl));
  if (input.tabUrl) actions.push(openUrlAction(translate(lang, 'list.openTab'), input.tabUrl, 'secondary'));
  return actions;
}

function build(input: WorkListCardInput, window: PageWindow, shown: number): AdaptiveCard {
  const { lang, kind, items } = input;
  const total = Math.max(input.totalCount ?? items.length, items.length);
  const newCount = input.newCount ?? items.filter((i) => i.unread).length;
  const body: CardElement[] = [heading(translate(lang, kind === 'task' ? 'list.tasks.title' : 'list.signals.title'))];
  if (input.changed) body.push(paragraph(translate(lang, 'list.changed'), { weight: 'bolder' }, { spacing: 'small' }));
  if (total === 0) {
    body.push(paragraph(translate(lang, kind === 'task' ? 'list.tasks.empty' : 'list.signals.empty'), {}, { spacing: 'small' }));
  } else {
    body.push(paragraph(countLine(lang, kind, total, newCount, input.truncated), {}, { spacing: 'small' }));
    if (window.pages > 1) {
      body.push(paragraph(translate(lang, 'list.page', { page: window.page, pages: window.pages }), { isSubtle: true, size: 'small' }, { spacing: 'none' }));
    }
    for (const item of items.slice(window.start, window.start + shown)) {
      const actions = input.taskActions?.get(item.id);
      body.push(actions ? taskItemView(item, actions, lang, input.itemUrl(item), 'list') : workItemView(item, lang, input.itemUrl(item)));
    }
    const remaining = total - (window.start + shown);
    // The last page of a cut list still says there are more, and where they are.
    if (remaining > 0 || (input.truncated && window.page === window.pages)) body.push(moreLine(lang, remaining, input.tabUrl ?? null, input.insiteUrl, input.truncated));
  }
  body.push(paragraph(translate(lang, 'list.updated', { time: formatTime(lang, input.now) }), { isSubtle: true, size: 'small' }, { spacing: 'medium' }));
  return adaptiveCard(body, listActions(input, window));
}

/**
 * A page of the user's tasks or signals. Ten items a page; when a page would not fit the message
 * budget (long links, say) it shows fewer and says how many more there are, with a link to the
 * tab or InSite, rather than risk Teams refusing the message.
 */
export function buildWorkListCard(input: WorkListCardInput): AdaptiveCard {
  const window = pageWindow(input.items.length, input.page);
  let shown = window.end - window.start;
  let card = build(input, window, shown);
  while (shown > 0 && !fitsMessageBudget(card)) {
    shown -= 1;
    card = build(input, window, shown);
  }
  return card;
}
