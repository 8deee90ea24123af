import type { ItemView } from '../../contracts/tab-api';
import { HANDLE_ACTION_TYPE, MAX_REACTION_TEXT_LENGTH } from '../../src/domain/task-action';
import type { TaskPanelModel } from '../task-actions-flow';
import { translate } from '../i18n';
import { el, type ViewContext } from './dom';

export interface TaskActionHandlers {
  readonly panel: TaskPanelModel | null;
  onToggle(item: ItemView & { readonly subjectId: string }): void;
  onText(text: string): void;
  onAct(action: number | 'comment'): void;
  onClose(): void;
}

/** "Act" next to a task that has a dossier item: opens its actions below it (aria-expanded). */
export function taskToggle(ctx: ViewContext, item: ItemView, title: string, handlers: TaskActionHandlers): HTMLElement | null {
  const { subjectId } = item;
  if (!subjectId) return null;
  const open = handlers.panel?.itemId === item.id;
  return el(ctx.doc, 'button', {
    className: open ? 'btn task-toggle selected' : 'btn task-toggle',
    text: translate(ctx.lang, 'tasks.tab.open'),
    attrs: { type: 'button', 'aria-expanded': String(open), 'aria-controls': open ? panelId(item.id) : null, 'aria-label': translate(ctx.lang, 'tasks.tab.openLabel', { title }), 'data-focus-key': `task-toggle-${item.id}` },
    on: { click: () => handlers.onToggle({ ...item, subjectId }) },
  });
}

/**
 * The open task's actions: the reaction text, AFAS's handle actions as buttons (SeqNo order),
 * the others after them, and "Send reaction only". Escape closes it. A failure is said above the
 * text, which stays as typed.
 */
export function taskPanel(ctx: ViewContext, panel: TaskPanelModel, handlers: TaskActionHandlers): HTMLElement {
  const { doc, lang } = ctx;
  const textId = `task-text-${panel.itemId}`;
  const errorId = `task-error-${panel.itemId}`;
  const status = panel.step === 'loading' ? translate(lang, 'tasks.tab.loading') : panel.sending ? translate(lang, 'tasks.tab.sending') : panel.step === 'gone' && !panel.error ? translate(lang, 'tasks.tab.noActions') : '';
  const busy = panel.sending ? 'true' : null;
  const actionButton = (label: string, action: number | 'comment', primary: boolean) =>
    el(doc, 'button', {
      className: primary ? 'btn btn-primary' : 'btn',
      text: label,
      attrs: { type: 'button', 'aria-disabled': busy, 'data-focus-key': `task-act-${panel.itemId}-${action}` },
      on: { click: () => handlers.onAct(action) },
    });
  const ready = panel.step === 'ready';
  const handle = panel.actions.filter((a) => a.type === HANDLE_ACTION_TYPE);
  const others = panel.actions.filter((a) => a.type !== HANDLE_ACTION_TYPE);
  return el(doc, 'div', {
    className: 'task-panel',
    attrs: { id: panelId(panel.itemId), role: 'group', 'aria-label': translate(lang, 'tasks.tab.panelLabel', { title: panel.title }), 'aria-busy': String(panel.step === 'loading' || panel.sending) },
    on: {
      keydown: (event) => {
        if ((event as KeyboardEvent).key === 'Escape') handlers.onClose();
      },
    },
  }, [
    panel.error ? el(doc, 'p', { className: 'problem task-error', text: panel.error, attrs: { id: errorId, role: 'alert' } }) : null,
    el(doc, 'p', { className: 'hint task-status', text: status, attrs: { role: 'status' } }),
    ready ? el(doc, 'label', { className: 'label', text: translate(lang, 'tasks.card.reactionLabel'), attrs: { for: textId } }) : null,
    ready
      ? el(doc, 'textarea', {
          className: 'text-input task-text',
          text: panel.text,
          attrs: { id: textId, rows: '2', maxlength: String(MAX_REACTION_TEXT_LENGTH), placeholder: translate(lang, 'tasks.card.reactionPlaceholder'), 'aria-describedby': panel.error ? errorId : null, 'data-focus-key': textId },
          on: { input: (event) => handlers.onText((event.target as HTMLTextAreaElement).value) },
        })
      : null,
    el(doc, 'div', { className: 'actions' }, [
      ...(ready ? handle.map((a) => actionButton(a.description, a.index, true)) : []),
      ...(ready ? others.map((a) => actionButton(a.description, a.index, false)) : []),
      ready && panel.commentSignature ? actionButton(translate(lang, 'tasks.card.comment'), 'comment', false) : null,
      el(doc, 'button', { className: 'btn', text: translate(lang, 'tasks.tab.close'), attrs: { type: 'button', 'data-focus-key': `task-close-${panel.itemId}` }, on: { click: () => handlers.onClose() } }),
    ]),
  ]);
}

function panelId(itemId: string): string {
  return `task-panel-${itemId}`;
}
