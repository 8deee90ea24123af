import { TILE_PAGE_SIZE, type ListKind, type ListView, type TileResponse } from '../../contracts/tab-api';
import { formatTimeWithSeconds, translate, translatePlural, type Language } from '../i18n';
import { el, safeHttpUrl, type ViewContext } from './dom';
import { failureText } from './failure-text';
import { itemList } from './item-list';
import { filterBar, filterCount, filterItems, isFiltering, type ListFilter } from './list-filter';
import { listSwitch, PANEL_ID, tabId } from './list-switch';
import { messagePanel, retryAction, type MessagePanel } from './status-views';
import type { TaskActionHandlers } from './task-actions-view';

export type TileData = Extract<TileResponse, { state: 'tile' }>;

export interface TileModel {
  readonly data: TileData;
  readonly list: ListKind;
  readonly refreshing: boolean;
  readonly updatedAt: Date | null;
  /** How many items of the current list are shown; "Show more" adds TILE_PAGE_SIZE. */
  readonly shown: number;
  /** What the current list is narrowed to (type, text). */
  readonly filter: ListFilter;
  /** A line above the lists: "Done: linked to AFAS user …", or a failed refresh. */
  readonly notice: MessagePanel | null;
}

export interface TileHandlers {
  onSelect(kind: ListKind): void;
  onOpen(url: string): void;
  /** An item of the current list was opened (after onOpen). */
  onOpenItem(kind: ListKind, id: string): void;
  onRefresh(): void;
  onShowFirst(first: boolean): void;
  onShowMore(): void;
  onFilter(filter: ListFilter): void;
  /** Acting on tasks (the task list only). */
  readonly taskActions?: TaskActionHandlers;
}

const LISTS: Readonly<Record<ListKind, { readonly key: 'tasks' | 'signals'; readonly other: ListKind }>> = { task: { key: 'tasks', other: 'signal' }, signal: { key: 'signals', other: 'task' } };

/** The live tile: counts, the two lists as tabs (the preferred one first), Refresh and Open AFAS. */
export function tileView(ctx: ViewContext, model: TileModel, handlers: TileHandlers): HTMLElement {
  const { doc, lang } = ctx;
  const { data } = model;
  const order: ListKind[] = [data.firstList, LISTS[data.firstList].other];
  const tabs = order.map((kind) => ({ kind, label: tabLabel(lang, kind, data[LISTS[kind].key]) }));
  const openAfas = safeHttpUrl(data.openAfasUrl);
  return el(doc, 'div', { className: 'tile' }, [
    el(doc, 'header', { className: 'tile-header' }, [
      el(doc, 'div', { className: 'tile-heading' }, [el(doc, 'h1', { className: 'tile-title', text: translate(lang, 'app.name') }), el(doc, 'p', { className: 'tile-counts', text: countsText(lang, data) })]),
      el(doc, 'div', { className: 'tile-actions' }, [
        el(doc, 'button', {
          className: 'btn',
          text: translate(lang, 'list.refresh'),
          attrs: { type: 'button', 'aria-label': translate(lang, 'tab.refreshLabel'), 'data-focus-key': 'refresh' },
          on: { click: () => handlers.onRefresh() },
        }),
        openAfas
          ? el(doc, 'a', {
              className: 'btn btn-primary',
              text: translate(lang, 'list.openAfas'),
              attrs: { href: openAfas, target: '_blank', rel: 'noopener noreferrer', 'data-focus-key': 'open-afas' },
              on: {
                click: (event) => {
                  event.preventDefault();
                  handlers.onOpen(openAfas);
                },
              },
            })
          : null,
      ]),
    ]),
    model.notice ? messagePanel(ctx, model.notice) : null,
    listSwitch(ctx, tabs, model.list, (kind) => handlers.onSelect(kind)),
    el(doc, 'section', { className: 'list-panel', attrs: { id: PANEL_ID, role: 'tabpanel', 'aria-labelledby': tabId(model.list), 'aria-busy': String(model.refreshing) } }, listBody(ctx, model, data[LISTS[model.list].key], handlers)),
    el(doc, 'footer', { className: 'tile-footer' }, [
      el(doc, 'label', { className: 'first-list' }, [
        el(doc, 'input', {
          attrs: { type: 'checkbox', 'data-focus-key': 'show-first', ...(data.firstList === model.list ? { checked: '' } : {}) },
          on: { change: (event) => handlers.onShowFirst((event.target as HTMLInputElement).checked) },
        }),
        ` ${translate(lang, 'tab.showFirst')}`,
      ]),
      el(doc, 'span', { className: 'status', attrs: { role: 'status' }, text: statusText(lang, model) }),
    ]),
  ]);
}

function listBody(ctx: ViewContext, model: TileModel, view: ListView, handlers: TileHandlers): Node[] {
  const { lang } = ctx;
  if (!view.ok) return [messagePanel(ctx, { text: failureText(lang, view.failure, ctx.now), tone: 'warning', actions: [retryAction(ctx, handlers.onRefresh)] })];
  if (view.items.length === 0) return [el(ctx.doc, 'p', { className: 'empty', text: translate(lang, model.list === 'task' ? 'list.tasks.empty' : 'list.signals.empty') })];
  const bar = filterBar(ctx, view.items, model.filter, (filter) => handlers.onFilter(filter));
  const matching = filterItems(view.items, model.filter);
  const count = isFiltering(model.filter) ? filterCount(ctx, matching.length, view.items.length) : null;
  if (matching.length === 0) return [bar, count, el(ctx.doc, 'p', { className: 'empty', text: translate(lang, 'tab.filter.none') })].filter((n): n is NonNullable<typeof n> => n !== null);
  const hidden = matching.length - model.shown;
  const showMore = hidden > 0
    ? el(ctx.doc, 'button', {
        className: 'btn show-more',
        text: translate(lang, 'tab.showMore', { count: Math.min(hidden, TILE_PAGE_SIZE) }),
        attrs: { type: 'button', 'data-focus-key': 'show-more' },
        on: { click: () => handlers.onShowMore() },
      })
    : null;
  const openItem = (url: string, item: { id: string }) => {
    handlers.onOpen(url);
    handlers.onOpenItem(model.list, item.id);
  };
  return [bar, count, itemList(ctx, matching.slice(0, model.shown), openItem, model.list === 'task' ? handlers.taskActions : undefined), showMore, beyondLine(ctx, view.total - view.items.length, view.truncated === true, model.data.openAfasUrl, handlers)].filter((n): n is NonNullable<typeof n> => n !== null);
}

/**
 * Items beyond what the server sends (MAX_TILE_ITEMS), or beyond what it read from AFAS (its row
 * cap, `truncated`): only AFAS InSite has them, so the line links there.
 */
function beyondLine(ctx: ViewContext, count: number, truncated: boolean, openAfasUrl: string, handlers: TileHandlers): HTMLElement | null {
  if (count <= 0 && !truncated) return null;
  const text = count > 0 ? translate(ctx.lang, 'list.moreInsite', { count: atLeast(ctx.lang, count, truncated) }) : translate(ctx.lang, 'list.moreInsiteUncounted');
  const insite = safeHttpUrl(openAfasUrl);
  if (!insite) return el(ctx.doc, 'p', { className: 'more', text });
  const open = (event: Event) => {
    event.preventDefault();
    handlers.onOpen(insite);
  };
  return el(ctx.doc, 'p', { className: 'more' }, [el(ctx.doc, 'a', { text, attrs: { href: insite, target: '_blank', rel: 'noopener noreferrer' }, on: { click: open } })]);
}

function tabLabel(lang: Language, kind: ListKind, view: ListView): string {
  if (!view.ok) return translate(lang, kind === 'task' ? 'list.tasks.title' : 'list.signals.title');
  return translate(lang, kind === 'task' ? 'tab.tasks' : 'tab.signals', { count: atLeast(lang, view.total, view.truncated === true) });
}

/** "500+" when the server read only the newest (its row cap), else the number. */
function atLeast(lang: Language, count: number, truncated: boolean): string | number {
  return truncated ? translate(lang, 'count.atLeast', { count }) : count;
}

/** "9 open tasks · 6 signals, 2 new": what is waiting, at a glance. */
function countsText(lang: Language, data: TileData): string {
  const tasks = data.tasks.ok ? countWithNew(lang, 'task', data.tasks) : null;
  const signals = data.signals.ok ? countWithNew(lang, 'signal', data.signals) : null;
  if (tasks && signals) return translate(lang, 'tab.summary', { tasks, signals });
  return tasks ?? signals ?? '';
}

/** "9 open tasks, 2 new"; "500+ open tasks, 12+ new" when the server read only the newest. */
function countWithNew(lang: Language, kind: ListKind, list: { total: number; unread: number; truncated?: boolean }): string {
  const items = list.truncated
    ? translate(lang, kind === 'task' ? 'count.openTasksAtLeast' : 'count.signalsAtLeast', { count: list.total })
    : translatePlural(lang, kind === 'task' ? 'count.openTasks' : 'count.signals', list.total);
  if (list.unread <= 0) return items;
  return translate(lang, 'count.withNew', { items, new: translate(lang, list.truncated ? 'count.newAtLeast' : 'count.new', { count: list.unread }) });
}

function statusText(lang: Language, model: TileModel): string {
  if (model.refreshing) return translate(lang, 'tab.refreshing');
  return model.updatedAt ? translate(lang, 'list.updated', { time: formatTimeWithSeconds(lang, model.updatedAt) }) : '';
}
