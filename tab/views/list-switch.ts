import type { ListKind } from '../../contracts/tab-api';
import { translate } from '../i18n';
import { el, type ViewContext } from './dom';

export interface SwitchTab {
  readonly kind: ListKind;
  readonly label: string;
}

export const PANEL_ID = 'afas-list-panel';

export function tabId(kind: ListKind): string {
  return `afas-list-tab-${kind}`;
}

/**
 * "My tasks (n)" / "My signals (n)" as an ARIA tab list: one tab stop, arrow keys (and Home/End)
 * move between the lists, the selected tab controls the panel below.
 */
export function listSwitch(ctx: ViewContext, tabs: readonly SwitchTab[], current: ListKind, onSelect: (kind: ListKind) => void): HTMLElement {
  const { doc } = ctx;
  const buttons = tabs.map((tab) =>
    el(doc, 'button', {
      className: tab.kind === current ? 'switch-tab selected' : 'switch-tab',
      text: tab.label,
      attrs: {
        type: 'button',
        role: 'tab',
        id: tabId(tab.kind),
        'aria-selected': String(tab.kind === current),
        'aria-controls': PANEL_ID,
        tabindex: tab.kind === current ? '0' : '-1',
        'data-focus-key': `tab-${tab.kind}`,
      },
      on: { click: () => onSelect(tab.kind) },
    }),
  );
  const onKey = (event: Event) => {
    const key = (event as KeyboardEvent).key;
    const index = tabs.findIndex((tab) => tab.kind === current);
    const next = key === 'ArrowRight' ? index + 1 : key === 'ArrowLeft' ? index - 1 : key === 'Home' ? 0 : key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    onSelect(tabs[(next + tabs.length) % tabs.length].kind);
  };
  return el(doc, 'div', { className: 'switch', attrs: { role: 'tablist', 'aria-label': translate(ctx.lang, 'tab.lists') }, on: { keydown: onKey } }, buttons);
}
