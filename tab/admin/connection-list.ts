import { translate } from '../i18n';
import { el, type Child, type ViewContext } from '../views/dom';
import type { AdminConnection, ConnectionCheck } from '../../contracts/admin-api';
import { actionButton, badge } from './admin-dom';
import { checkView } from './check-view';

/** Where a row's "Test connection" is: running, done, or failed with a sentence. */
export type CheckState = { readonly state: 'running' } | { readonly state: 'done'; readonly check: ConnectionCheck } | { readonly state: 'failed'; readonly text: string };

export interface ConnectionRowState {
  readonly check?: CheckState;
  /** "Remove?" asked, waiting for yes or cancel. */
  readonly confirmingRemove?: boolean;
  readonly busy?: boolean;
}

export interface ConnectionListHandlers {
  onEdit(connection: AdminConnection): void;
  onTest(connection: AdminConnection): void;
  onMakeDefault(connection: AdminConnection): void;
  onAccess(connection: AdminConnection): void;
  onRemove(connection: AdminConnection): void;
  onConfirmRemove(connection: AdminConnection, confirmed: boolean): void;
}

/** The connections: name, environment, badges (default, enabled, keys set) and what can be done with each. */
export function connectionList(ctx: ViewContext, connections: readonly AdminConnection[], rows: ReadonlyMap<string, ConnectionRowState>, handlers: ConnectionListHandlers): HTMLElement {
  const { doc, lang } = ctx;
  if (connections.length === 0) return el(doc, 'p', { className: 'empty', text: translate(lang, 'adminTab.connections.empty') });
  return el(doc, 'ul', { className: 'admin-list' }, connections.map((c) => el(doc, 'li', { className: 'admin-row' }, connectionRow(ctx, c, rows.get(c.id) ?? {}, handlers))));
}

function connectionRow(ctx: ViewContext, c: AdminConnection, row: ConnectionRowState, handlers: ConnectionListHandlers): Child[] {
  const { doc, lang } = ctx;
  const keysSet = c.secrets.apiKeySet && c.secrets.environmentKeySet;
  const badges = [
    c.isDefault ? badge(doc, translate(lang, 'adminTab.badge.default'), 'brand') : null,
    badge(doc, translate(lang, c.enabled ? 'adminTab.badge.enabled' : 'adminTab.badge.disabled'), c.enabled ? 'plain' : 'warning'),
    badge(doc, translate(lang, keysSet ? 'adminTab.keys.set' : 'adminTab.keys.notSet'), keysSet ? 'plain' : 'warning'),
    c.tenantId === null ? badge(doc, translate(lang, 'adminTab.badge.everyTenant')) : null,
  ];
  const id = (action: string) => `${action}-${c.id}`;
  const running = row.check?.state === 'running';
  const actions = [
    c.changeable ? actionButton(doc, { text: translate(lang, 'adminTab.action.edit'), label: translate(lang, 'adminTab.action.editLabel', { name: c.name }), focusKey: id('edit'), onClick: () => handlers.onEdit(c) }) : null,
    actionButton(doc, { text: translate(lang, running ? 'adminTab.check.running' : 'adminTab.action.test'), label: translate(lang, 'adminTab.action.testLabel', { name: c.name }), focusKey: id('test'), busy: running, onClick: () => handlers.onTest(c) }),
    c.changeable && !c.isDefault && c.enabled ? actionButton(doc, { text: translate(lang, 'adminTab.action.makeDefault'), label: translate(lang, 'adminTab.action.makeDefaultLabel', { name: c.name }), focusKey: id('default'), busy: row.busy, onClick: () => handlers.onMakeDefault(c) }) : null,
    actionButton(doc, { text: translate(lang, 'adminTab.action.access'), label: translate(lang, 'adminTab.action.accessLabel', { name: c.name }), focusKey: id('access'), onClick: () => handlers.onAccess(c) }),
    c.changeable && !c.fromConfiguration ? actionButton(doc, { text: translate(lang, 'adminTab.remove'), label: translate(lang, 'adminTab.action.removeLabel', { name: c.name }), focusKey: id('remove'), onClick: () => handlers.onRemove(c) }) : null,
  ];
  return [
    el(doc, 'div', { className: 'admin-row-head' }, [el(doc, 'h3', { className: 'admin-row-title', text: c.name }), el(doc, 'span', { className: 'badges' }, badges)]),
    el(doc, 'p', { className: 'admin-row-meta', text: c.environment }),
    c.changeable ? null : el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.connections.readOnly') }),
    row.confirmingRemove
      ? el(doc, 'div', { className: 'confirm', attrs: { role: 'alertdialog', 'aria-labelledby': id('confirm-text') } }, [
          el(doc, 'p', { text: translate(lang, 'adminTab.confirmRemove', { name: c.name }), attrs: { id: id('confirm-text') } }),
          el(doc, 'div', { className: 'actions' }, [
            actionButton(doc, { text: translate(lang, 'adminTab.confirmRemoveYes'), focusKey: id('remove-yes'), primary: true, busy: row.busy, onClick: () => handlers.onConfirmRemove(c, true) }),
            actionButton(doc, { text: translate(lang, 'adminTab.cancel'), focusKey: id('remove-no'), onClick: () => handlers.onConfirmRemove(c, false) }),
          ]),
        ])
      : el(doc, 'div', { className: 'actions' }, actions),
    row.check?.state === 'done' ? checkView(ctx, row.check.check) : null,
    row.check?.state === 'failed' ? el(doc, 'p', { className: 'problem', text: row.check.text, attrs: { role: 'alert' } }) : null,
  ];
}
