import { inputProblemText } from '../../src/domain/i18n/admin-advice';
import type { ApiProblem } from '../../contracts/tab-api';
import { TabApiError } from '../api-client';
import { translate, type Language } from '../i18n';
import { el, type ViewContext } from '../views/dom';

/** A one-line message above a section: what just happened, or why it did not. */
export interface Notice {
  readonly text: string;
  /** `plain`: news that is neither a success nor a failure (an invitation that reached nobody). */
  readonly tone: 'good' | 'plain' | 'error';
}

/**
 * Rebuilds a container's content and puts the keyboard focus back on the control with the same
 * data-focus-key (rebuilt controls are new elements), or on `focusKey` when given.
 */
export function rerender(doc: Document, container: HTMLElement, children: readonly (Node | null)[], focusKey?: string): void {
  const active = doc.activeElement;
  const key = focusKey ?? (active && container.contains(active) ? active.getAttribute('data-focus-key') : null);
  container.replaceChildren(...children.filter((child): child is Node => child !== null));
  if (key) focusByKey(container, key);
}

/** Focuses the control with this data-focus-key inside `container`, if there is one. */
export function focusByKey(container: HTMLElement, key: string): void {
  Array.from(container.querySelectorAll<HTMLElement>('[data-focus-key]')).find((node) => node.getAttribute('data-focus-key') === key)?.focus({ preventScroll: true });
}

export function noticeView(ctx: ViewContext, notice: Notice | null): HTMLElement | null {
  if (!notice) return null;
  const className = { good: 'admin-notice notice-good', plain: 'admin-notice', error: 'admin-notice problem' }[notice.tone];
  return el(ctx.doc, 'p', { className, text: notice.text, attrs: { role: notice.tone === 'error' ? 'alert' : 'status' } });
}

/** A small label on a row ("Default", "Keys: not set"); `muted` for the absence of something. */
export function badge(doc: Document, text: string, tone: 'brand' | 'plain' | 'warning' = 'plain'): HTMLElement {
  return el(doc, 'span', { className: `badge badge-${tone}`, text });
}

/**
 * Why an admin call failed, as a sentence: the API's own (for refusals such as "the last owner"),
 * or ours for sign-in, network and unexpected failures.
 */
export function adminProblemText(lang: Language, error: unknown): string {
  if (error instanceof TabApiError) {
    if (error.status === 401) return translate(lang, 'tab.signInFailed');
    if (error.status === 0 && error.problem.code === 'network') return translate(lang, 'tab.offline');
    if (error.status >= 400 && error.status < 500 && error.problem.message) return error.problem.message;
  }
  return translate(lang, 'error.generic');
}

/** A button with a stable focus key; `label` is its accessible name when the text alone is ambiguous. */
export function actionButton(doc: Document, options: { text: string; label?: string; focusKey: string; primary?: boolean; busy?: boolean; onClick: () => void }): HTMLButtonElement {
  return el(doc, 'button', {
    className: options.primary ? 'btn btn-primary' : 'btn',
    text: options.text,
    attrs: { type: 'button', 'data-focus-key': options.focusKey, 'aria-label': options.label, 'aria-disabled': options.busy ? 'true' : null },
    on: { click: () => (options.busy ? undefined : options.onClick()) },
  });
}

/** API problem messages start in lower case ("must not be empty"): shown on their own, they start with a capital. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type FieldProblem = NonNullable<ApiProblem['problems']>[number];

/** A field problem from the API in the user's language ("mag niet leeg zijn"); its English text when the code is unknown. */
export function fieldProblemText(lang: Language, problem: FieldProblem): string {
  return (problem.code ? inputProblemText(lang, problem.code, problem.params) : null) ?? problem.message;
}

/** The API's field problems with their text in the user's language. */
export function localisedProblems(lang: Language, problems: readonly FieldProblem[]): { field: string; message: string }[] {
  return problems.map((problem) => ({ field: problem.field, message: fieldProblemText(lang, problem) }));
}
