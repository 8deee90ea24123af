import { el } from '../views/dom';

/** A labelled control whose problem sentence (from the API) appears right under it. */
export interface Field<E extends HTMLInputElement | HTMLSelectElement> {
  readonly wrapper: HTMLElement;
  readonly control: E;
  showProblem(text: string | null): void;
}

interface Common {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly disabled?: boolean;
}

export interface TextFieldOptions extends Common {
  readonly value: string;
  /** `password`: write-only keys; never filled in from the server. */
  readonly type?: 'text' | 'password' | 'url';
  readonly autocomplete?: string;
  readonly maxlength?: number;
  readonly placeholder?: string;
}

export function textField(doc: Document, options: TextFieldOptions): Field<HTMLInputElement> {
  const input = el(doc, 'input', {
    className: 'text-input',
    attrs: {
      id: options.id,
      name: options.id,
      type: options.type ?? 'text',
      autocomplete: options.autocomplete ?? 'off',
      spellcheck: 'false',
      maxlength: String(options.maxlength ?? 2000),
      placeholder: options.placeholder,
      'data-focus-key': options.id,
    },
  });
  input.value = options.value;
  input.disabled = options.disabled ?? false;
  return withProblem(doc, options, input);
}

export interface SelectOptions extends Common {
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

export function selectField(doc: Document, options: SelectOptions): Field<HTMLSelectElement> {
  const select = el(doc, 'select', { className: 'select-input', attrs: { id: options.id, name: options.id, 'data-focus-key': options.id } }, options.options.map((o) => el(doc, 'option', { text: o.label, attrs: { value: o.value } })));
  select.value = options.value;
  select.disabled = options.disabled ?? false;
  return withProblem(doc, options, select);
}

/** `role: 'switch'`: an on/off setting, announced as a switch. */
export function checkboxField(doc: Document, options: Common & { readonly checked: boolean; readonly role?: 'switch' }): Field<HTMLInputElement> {
  const input = el(doc, 'input', { attrs: { id: options.id, name: options.id, type: 'checkbox', role: options.role, 'data-focus-key': options.id } });
  input.checked = options.checked;
  input.disabled = options.disabled ?? false;
  const hintId = `${options.id}-hint`;
  if (options.hint) input.setAttribute('aria-describedby', hintId);
  const label = el(doc, 'label', { className: 'check-label' }, [input, ` ${options.label}`]);
  const wrapper = el(doc, 'div', { className: 'field field-check' }, [label, options.hint ? el(doc, 'p', { className: 'hint', text: options.hint, attrs: { id: hintId } }) : null]);
  return { wrapper, control: input, showProblem: problemSlot(doc, label, input, options.id, options.hint ? hintId : null) };
}

function withProblem<E extends HTMLInputElement | HTMLSelectElement>(doc: Document, options: Common, control: E): Field<E> {
  const hintId = `${options.id}-hint`;
  if (options.hint) control.setAttribute('aria-describedby', hintId);
  const wrapper = el(doc, 'div', { className: 'field' }, [
    el(doc, 'label', { className: 'label', text: options.label, attrs: { for: options.id } }),
    control,
    options.hint ? el(doc, 'p', { className: 'hint', text: options.hint, attrs: { id: hintId } }) : null,
  ]);
  return { wrapper, control, showProblem: problemSlot(doc, control, control, options.id, options.hint ? hintId : null) };
}

/** Shows or clears the problem right under a control (after `anchor`), tied to it with aria-invalid and aria-describedby. */
function problemSlot(doc: Document, anchor: HTMLElement, control: HTMLElement, id: string, hintId: string | null): (text: string | null) => void {
  const problemId = `${id}-problem`;
  let shown: HTMLElement | null = null;
  return (text) => {
    shown?.remove();
    shown = null;
    control.removeAttribute('aria-invalid');
    if (hintId) control.setAttribute('aria-describedby', hintId);
    else control.removeAttribute('aria-describedby');
    if (text === null) return;
    shown = el(doc, 'p', { className: 'problem field-problem', text, attrs: { id: problemId } });
    anchor.after(shown);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', hintId ? `${problemId} ${hintId}` : problemId);
  };
}
