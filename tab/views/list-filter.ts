import type { ItemView } from '../../contracts/tab-api';
import { translate } from '../i18n';
import { el, type ViewContext } from './dom';

/** What the current list is narrowed to: one type ('' = all) and a text to find in title, sender or type. */
export interface ListFilter {
  readonly type: string;
  readonly text: string;
}

export const NO_FILTER: ListFilter = { type: '', text: '' };

export function isFiltering(filter: ListFilter): boolean {
  return filter.type !== '' || filter.text.trim() !== '';
}

/** The items that pass the filter, in their order. Text matches case-insensitively anywhere in title, sender or type. */
export function filterItems(items: readonly ItemView[], filter: ListFilter): ItemView[] {
  const words = filter.text.trim().toLocaleLowerCase().split(/\s+/).filter((w) => w !== '');
  return items.filter((item) => {
    if (filter.type !== '' && (item.type ?? '') !== filter.type) return false;
    const haystack = [item.title, item.from ?? '', item.type ?? ''].join(' ').toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The types in a list (AFAS's subject types: "Declaratie", "Verlofaanvraag"...), with how many of each, by name. */
function typeCounts(items: readonly ItemView[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) if (item.type) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The filter controls above a list: a labelled type list (only when the items have more than one
 * type) and a labelled search field. Plain form controls, so keyboard and screen readers work as anywhere.
 */
export function filterBar(ctx: ViewContext, items: readonly ItemView[], filter: ListFilter, onChange: (filter: ListFilter) => void): HTMLElement {
  const { doc, lang } = ctx;
  const types = typeCounts(items);
  const typeField = types.length > 1 || filter.type !== ''
    ? el(doc, 'label', { className: 'filter-field' }, [
        el(doc, 'span', { className: 'label', text: translate(lang, 'tab.filter.type') }),
        el(doc, 'select', {
          className: 'select-input',
          attrs: { name: 'type', 'data-focus-key': 'filter-type' },
          on: { change: (event) => onChange({ ...filter, type: (event.target as HTMLSelectElement).value }) },
        }, [
          el(doc, 'option', { text: translate(lang, 'tab.filter.allTypes'), attrs: { value: '', ...(filter.type === '' ? { selected: '' } : {}) } }),
          ...types.map(([type, count]) => el(doc, 'option', { text: `${type} (${count})`, attrs: { value: type, ...(filter.type === type ? { selected: '' } : {}) } })),
        ]),
      ])
    : null;
  const textField = el(doc, 'label', { className: 'filter-field filter-text' }, [
    el(doc, 'span', { className: 'label', text: translate(lang, 'tab.filter.text') }),
    el(doc, 'input', {
      className: 'text-input',
      attrs: { type: 'search', name: 'filter', value: filter.text, placeholder: translate(lang, 'tab.filter.placeholder'), autocomplete: 'off', 'data-focus-key': 'filter-text', maxlength: '100' },
      on: { input: (event) => onChange({ ...filter, text: (event.target as HTMLInputElement).value }) },
    }),
  ]);
  return el(doc, 'div', { className: 'filters', attrs: { role: 'search', 'aria-label': translate(lang, 'tab.filter.label') } }, [typeField, textField]);
}

/** "3 of 9 shown" for screen readers and eyes alike, while a filter is on. */
export function filterCount(ctx: ViewContext, shown: number, total: number): HTMLElement {
  return el(ctx.doc, 'p', { className: 'filter-count', attrs: { 'aria-live': 'polite' }, text: translate(ctx.lang, 'tab.filter.count', { shown, total }) });
}
