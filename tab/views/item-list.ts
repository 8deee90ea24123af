import type { ItemView } from '../../contracts/tab-api';
import { itemDate, translate } from '../i18n';
import { el, safeHttpUrl, srOnly, type ViewContext } from './dom';
import { taskPanel, taskToggle, type TaskActionHandlers } from './task-actions-view';

/**
 * One list's items. Each is a link (Enter opens it, the browser shows where it goes) whose click
 * goes through the host, as Teams wants links out of a tab to be opened.
 */
export function itemList(ctx: ViewContext, items: readonly ItemView[], onOpen: (url: string, item: ItemView) => void, taskActions?: TaskActionHandlers): HTMLUListElement {
  return el(ctx.doc, 'ul', { className: 'items' }, items.map((item) => {
    const toggle = taskActions ? taskToggle(ctx, item, titleOf(ctx, item), taskActions) : null;
    if (!toggle || !taskActions) return el(ctx.doc, 'li', {}, [itemLink(ctx, item, onOpen)]);
    const panel = taskActions.panel?.itemId === item.id ? taskPanel(ctx, taskActions.panel, taskActions) : null;
    return el(ctx.doc, 'li', {}, [el(ctx.doc, 'div', { className: 'item-row' }, [itemLink(ctx, item, onOpen), toggle]), panel]);
  }));
}

function titleOf(ctx: ViewContext, item: ItemView): string {
  return item.title.trim() === '' ? translate(ctx.lang, 'list.untitled') : item.title;
}

function itemLink(ctx: ViewContext, item: ItemView, onOpen: (url: string, item: ItemView) => void): HTMLElement {
  const { doc, lang } = ctx;
  const url = safeHttpUrl(item.url);
  const title = titleOf(ctx, item);
  const meta = [item.from ? translate(lang, 'list.from', { name: item.from }) : null, item.date ? itemDate(lang, new Date(item.date), ctx.now) : null].filter((part): part is string => part !== null);
  const children = [
    el(doc, 'span', { className: item.unread ? 'dot dot-unread' : 'dot', attrs: { 'aria-hidden': 'true' } }),
    el(doc, 'span', { className: 'item-text' }, [
      el(doc, 'span', { className: 'item-title', text: title }),
      meta.length > 0 ? el(doc, 'span', { className: 'item-meta', text: meta.join(' · ') }) : null,
    ]),
    item.unread ? srOnly(doc, `, ${translate(lang, 'list.unread')}`) : null,
  ];
  const className = item.unread ? 'item item-unread' : 'item';
  if (url === null) return el(doc, 'div', { className }, children);
  return el(doc, 'a', {
    className,
    attrs: { href: url, target: '_blank', rel: 'noopener noreferrer', 'data-focus-key': `item-${item.id}` },
    on: {
      click: (event) => {
        event.preventDefault();
        onOpen(url, item);
      },
    },
  }, children);
}
