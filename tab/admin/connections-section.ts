import { TabApiError } from '../api-client';
import { translate } from '../i18n';
import { el, type ViewContext } from '../views/dom';
import type { AdminApi } from './admin-api';
import type { AdminConnection } from '../../contracts/admin-api';
import { actionButton, adminProblemText, localisedProblems, noticeView, rerender, type Notice } from './admin-dom';
import { AccessEditor } from './access-editor';
import { AuthPanel } from './auth-panel';
import { changesOf, creationOf, type ConnectionFormValues } from './connection-changes';
import { ConnectionForm } from './connection-form';
import { connectionList, type ConnectionRowState } from './connection-list';

export interface SectionDeps {
  readonly api: AdminApi;
  readonly view: () => ViewContext;
}

type Pane = { readonly kind: 'list' } | { readonly kind: 'form'; readonly form: ConnectionForm; readonly auth: AuthPanel | null } | { readonly kind: 'access'; readonly editor: AccessEditor };

/**
 * Connections: the list with its actions (test, make default, access, remove), the create/edit
 * form and the access editor, one at a time. The form and editor are kept while open; the list is
 * redrawn from state after every answer.
 */
export class ConnectionsSection {
  readonly element: HTMLElement;
  private connections: AdminConnection[] | null = null;
  private pane: Pane = { kind: 'list' };
  private readonly rows = new Map<string, ConnectionRowState>();
  private notice: Notice | null = null;

  constructor(private readonly deps: SectionDeps) {
    this.element = deps.view().doc.createElement('div');
    this.element.className = 'admin-section';
  }

  async load(): Promise<void> {
    this.render();
    try {
      this.connections = await this.deps.api.connections();
    } catch (error) {
      this.connections = null;
      this.notice = { text: adminProblemText(this.deps.view().lang, error), tone: 'error' };
    }
    this.render();
  }

  private openForm(connection: AdminConnection | null): void {
    const { doc, lang } = this.deps.view();
    this.notice = null;
    const form = new ConnectionForm(doc, lang, connection, { onSave: (values) => void this.save(form, values), onCancel: () => this.showList(null, connection ? `edit-${connection.id}` : 'add') });
    // How its users sign in to AFAS: its own form under an existing connection's.
    const auth = connection ? new AuthPanel(this.deps, connection.id, connection.name) : null;
    this.pane = { kind: 'form', form, auth };
    void auth?.load();
    this.render();
    form.element.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled])')?.focus();
  }

  private async save(form: ConnectionForm, values: ConnectionFormValues): Promise<void> {
    const { lang } = this.deps.view();
    const before = form.connection;
    form.setBusy(true);
    let saved: AdminConnection;
    try {
      saved = before ? await this.deps.api.updateConnection(before.id, changesOf(before, values)) : await this.deps.api.createConnection(creationOf(values));
    } catch (error) {
      form.setBusy(false);
      const problems = error instanceof TabApiError && error.problem.code === 'validation_failed' ? (error.problem.problems ?? []) : [];
      if (problems.length > 0) form.showProblems(localisedProblems(lang, problems));
      else form.showFailure(adminProblemText(lang, error));
      return;
    }
    this.rows.delete(saved.id);
    // The form, and with it any key typed, is dropped: nothing shows a key after a save.
    this.pane = { kind: 'list' };
    await this.afterChange(translate(lang, 'adminTab.saved', { name: saved.name }), before ? `edit-${saved.id}` : `test-${saved.id}`);
  }

  private async test(connection: AdminConnection): Promise<void> {
    this.setRow(connection.id, { check: { state: 'running' } });
    try {
      this.setRow(connection.id, { check: { state: 'done', check: await this.deps.api.testConnection(connection.id) } });
    } catch (error) {
      this.setRow(connection.id, { check: { state: 'failed', text: adminProblemText(this.deps.view().lang, error) } });
    }
  }

  private async makeDefault(connection: AdminConnection): Promise<void> {
    await this.change(connection, `edit-${connection.id}`, async () => {
      await this.deps.api.setDefaultConnection(connection.id);
      return translate(this.deps.view().lang, 'adminTab.defaultSet', { name: connection.name });
    });
  }

  private async remove(connection: AdminConnection): Promise<void> {
    await this.change(connection, 'add', async () => {
      await this.deps.api.removeConnection(connection.id);
      return translate(this.deps.view().lang, 'adminTab.removed', { name: connection.name });
    });
  }

  /** A one-click change of a row: busy, then the list again with what happened. */
  private async change(connection: AdminConnection, focusAfter: string, act: () => Promise<string>): Promise<void> {
    if (this.rows.get(connection.id)?.busy) return;
    this.setRow(connection.id, { busy: true });
    let text: string;
    try {
      text = await act();
    } catch (error) {
      this.rows.set(connection.id, { ...this.rows.get(connection.id), busy: false, confirmingRemove: false });
      this.notice = { text: adminProblemText(this.deps.view().lang, error), tone: 'error' };
      return this.render(`test-${connection.id}`);
    }
    this.rows.delete(connection.id);
    await this.afterChange(text, focusAfter);
  }

  /** The list again, fresh from the server, saying what was done (or that the list could not be read). */
  private async afterChange(text: string, focusKey: string): Promise<void> {
    this.notice = { text, tone: 'good' };
    try {
      this.connections = await this.deps.api.connections();
    } catch (error) {
      this.notice = { text: adminProblemText(this.deps.view().lang, error), tone: 'error' };
    }
    this.render(focusKey);
  }

  private openAccess(connection: AdminConnection): void {
    this.notice = null;
    const editor = new AccessEditor({ api: this.deps.api, view: this.deps.view, onClose: (notice) => this.showList(notice, `access-${connection.id}`) }, connection);
    this.pane = { kind: 'access', editor };
    void editor.load();
    this.render();
    editor.element.querySelector<HTMLElement>('#access-title')?.focus();
  }

  private showList(notice: Notice | null, focusKey: string): void {
    this.pane = { kind: 'list' };
    this.notice = notice;
    this.render(focusKey);
  }

  private setRow(id: string, change: ConnectionRowState, focusKey?: string): void {
    this.rows.set(id, { ...this.rows.get(id), ...change });
    this.render(focusKey);
  }

  private render(focusKey?: string): void {
    const ctx = this.deps.view();
    const { doc, lang } = ctx;
    const pane = this.pane;
    if (pane.kind === 'form') return rerender(doc, this.element, [pane.form.element, pane.auth?.element ?? null]);
    if (pane.kind === 'access') return rerender(doc, this.element, [pane.editor.element]);
    const notice = noticeView(ctx, this.notice);
    const body = this.connections === null
      ? (this.notice ? [] : [el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.loading'), attrs: { role: 'status' } })])
      : [
          connectionList(ctx, this.connections, this.rows, {
            onEdit: (c) => this.openForm(c),
            onTest: (c) => void this.test(c),
            onMakeDefault: (c) => void this.makeDefault(c),
            onAccess: (c) => this.openAccess(c),
            onRemove: (c) => this.setRow(c.id, { confirmingRemove: true }, `remove-no-${c.id}`),
            onConfirmRemove: (c, yes) => (yes ? void this.remove(c) : this.setRow(c.id, { confirmingRemove: false }, `remove-${c.id}`)),
          }),
          el(doc, 'div', { className: 'actions' }, [actionButton(doc, { text: translate(lang, 'adminTab.connections.add'), focusKey: 'add', primary: true, onClick: () => this.openForm(null) })]),
        ];
    rerender(doc, this.element, [
      el(doc, 'h2', { className: 'admin-subtitle', text: translate(lang, 'adminTab.connections.title') }),
      el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.connections.intro') }),
      notice,
      ...body,
    ], focusKey);
  }
}
