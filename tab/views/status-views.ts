import { translate } from '../i18n';
import { el, type ViewContext } from './dom';

/** Grey placeholder rows while the first answer is on its way; the sentence is for screen readers. */
export function skeletonView(ctx: ViewContext): HTMLElement {
  const { doc } = ctx;
  const rows = Array.from({ length: 5 }, () => el(doc, 'li', { className: 'skeleton-row' }, [el(doc, 'span', { className: 'skeleton-line long' }), el(doc, 'span', { className: 'skeleton-line short' })]));
  return el(doc, 'div', { className: 'skeleton', attrs: { role: 'status', 'aria-live': 'polite' } }, [
    el(doc, 'span', { className: 'sr-only', text: translate(ctx.lang, 'tab.loading') }),
    el(doc, 'div', { className: 'skeleton-header', attrs: { 'aria-hidden': 'true' } }),
    el(doc, 'ul', { className: 'skeleton-list', attrs: { 'aria-hidden': 'true' } }, rows),
  ]);
}

export interface PanelAction {
  readonly label: string;
  readonly onClick: () => void;
  readonly primary?: boolean;
  readonly focusKey?: string;
}

export interface MessagePanel {
  readonly title?: string;
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
  readonly actions?: readonly PanelAction[];
}

/** A sentence in plain words with what the user can do about it (errors, empty states, notices). */
export function messagePanel(ctx: ViewContext, panel: MessagePanel): HTMLElement {
  const { doc } = ctx;
  return el(doc, 'section', { className: `panel panel-${panel.tone}`, attrs: { role: panel.tone === 'error' ? 'alert' : 'status' } }, [
    panel.title ? el(doc, 'h2', { className: 'panel-title', text: panel.title }) : null,
    el(doc, 'p', { className: 'panel-text', text: panel.text }),
    panel.actions && panel.actions.length > 0 ? el(doc, 'div', { className: 'actions' }, panel.actions.map((action) => button(ctx, action))) : null,
  ]);
}

export function button(ctx: ViewContext, action: PanelAction): HTMLButtonElement {
  return el(ctx.doc, 'button', { className: action.primary ? 'btn btn-primary' : 'btn', text: action.label, attrs: { type: 'button', 'data-focus-key': action.focusKey }, on: { click: () => action.onClick() } });
}

export function retryAction(ctx: ViewContext, onRetry: () => void): PanelAction {
  return { label: translate(ctx.lang, 'tab.retry'), onClick: onRetry, primary: true, focusKey: 'retry' };
}
