import { DEFAULT_FIELD_MAPS, type FieldMap } from '../../src/domain/field-map';
import { translate, type Language } from '../i18n';
import { el } from '../views/dom';
import type { FieldMapOverrides } from '../../contracts/admin-api';
import { sentence } from './admin-dom';

const PROPERTIES: readonly (keyof FieldMap)[] = ['id', 'title', 'from', 'date', 'type', 'opened', 'subjectId'];

interface Row {
  readonly element: HTMLElement;
  readonly property: HTMLSelectElement;
  readonly field: HTMLInputElement;
}

/**
 * Field-map overrides of one list as rows of "used for" + "connector field"; the placeholder shows
 * the standard field name. Rows are added and removed in place (typing is never lost to a redraw).
 */
export class FieldMapEditor {
  readonly element: HTMLElement;
  private readonly rows: Row[] = [];
  private readonly list: HTMLElement;
  private readonly problem: HTMLElement;
  private next = 0;

  constructor(
    private readonly doc: Document,
    private readonly lang: Language,
    private readonly kind: 'task' | 'signal',
    initial: FieldMapOverrides,
    private readonly disabled: boolean,
  ) {
    const titleId = `${kind}-map-title`;
    this.list = el(doc, 'div', { className: 'map-rows' });
    this.problem = el(doc, 'div', { attrs: { id: `${kind}FieldMap-problem` } });
    const add = el(doc, 'button', { className: 'btn', text: translate(lang, 'adminTab.fieldMap.add'), attrs: { type: 'button', 'data-focus-key': `${kind}-map-add`, 'aria-describedby': titleId }, on: { click: () => this.addRow('id', '', true) } });
    add.disabled = disabled;
    this.element = el(doc, 'fieldset', { className: 'map-editor', attrs: { 'aria-labelledby': titleId } }, [
      el(doc, 'legend', { className: 'label', text: translate(lang, kind === 'task' ? 'adminTab.fieldMap.tasks' : 'adminTab.fieldMap.signals'), attrs: { id: titleId } }),
      this.list,
      this.problem,
      el(doc, 'div', { className: 'actions' }, [add]),
    ]);
    for (const [property, field] of Object.entries(initial)) this.addRow(property, field, false);
  }

  /** The overrides typed in; empty rows are left out, a later row for the same property wins. */
  read(): FieldMapOverrides {
    const map: Record<string, string> = {};
    for (const row of this.rows) if (row.field.value.trim() !== '') map[row.property.value] = row.field.value.trim();
    return map;
  }

  showProblems(problems: readonly { property: string | null; message: string }[]): void {
    this.problem.replaceChildren(
      ...problems.map((p) => el(this.doc, 'p', { className: 'problem field-problem', text: p.property ? `${this.propertyLabel(p.property)}: ${p.message}` : sentence(p.message) })),
    );
  }

  private addRow(property: string, field: string, focus: boolean): void {
    const n = this.next++;
    const { doc, lang } = this;
    const select = el(
      doc,
      'select',
      { className: 'select-input', attrs: { 'aria-label': translate(lang, 'adminTab.fieldMap.property'), 'data-focus-key': `${this.kind}-map-${n}-property` } },
      PROPERTIES.map((p) => el(doc, 'option', { text: this.propertyLabel(p), attrs: { value: p } })),
    );
    select.value = PROPERTIES.includes(property as keyof FieldMap) ? property : 'id';
    const input = el(doc, 'input', { className: 'text-input', attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: '100', 'aria-label': translate(lang, 'adminTab.fieldMap.field'), 'data-focus-key': `${this.kind}-map-${n}-field` } });
    input.value = field;
    const placeholder = () => input.setAttribute('placeholder', DEFAULT_FIELD_MAPS[this.kind][select.value as keyof FieldMap] ?? '');
    placeholder();
    select.addEventListener('change', placeholder);
    const row: Row = { element: el(doc, 'div', { className: 'map-row' }), property: select, field: input };
    const remove = el(doc, 'button', {
      className: 'btn',
      text: translate(lang, 'adminTab.remove'),
      attrs: { type: 'button', 'data-focus-key': `${this.kind}-map-${n}-remove` },
      on: { click: () => this.removeRow(row) },
    });
    remove.setAttribute('aria-label', translate(lang, 'adminTab.fieldMap.removeLabel', { property: this.propertyLabel(select.value) }));
    select.addEventListener('change', () => remove.setAttribute('aria-label', translate(lang, 'adminTab.fieldMap.removeLabel', { property: this.propertyLabel(select.value) })));
    for (const control of [select, input, remove]) control.disabled = this.disabled;
    row.element.append(select, input, remove);
    this.rows.push(row);
    this.list.append(row.element);
    if (focus) select.focus();
  }

  private removeRow(row: Row): void {
    const index = this.rows.indexOf(row);
    this.rows.splice(index, 1);
    row.element.remove();
    // Keep the keyboard user in the list: the next row, the previous one, or "Add a field".
    const neighbour = this.rows[index] ?? this.rows[index - 1];
    (neighbour?.property ?? this.element.querySelector<HTMLButtonElement>('.actions button'))?.focus();
  }

  private propertyLabel(property: string): string {
    const known = PROPERTIES.includes(property as keyof FieldMap);
    return known ? `${translate(this.lang, `adminTab.property.${property as keyof FieldMap}`)} (${property})` : property;
  }
}
