import { isObjectId, isUpn } from '../../src/domain/access-rule';
import { formatDateTime } from '../../src/domain/i18n/format-date-time';
import { TabApiError } from '../api-client';
import { translate } from '../i18n';
import { el, type ViewContext } from '../views/dom';
import type { AdminApi } from './admin-api';
import type { AccessMode, AccessRule, AdminConnection } from '../../contracts/admin-api';
import { actionButton, adminProblemText, fieldProblemText, noticeView, rerender, sentence, type Notice } from './admin-dom';
import { textField } from './form-fields';

export interface AccessEditorDeps {
  readonly api: AdminApi;
  readonly view: () => ViewContext;
  readonly onClose: (notice: Notice | null) => void;
}

/**
 * Who may use the app through one connection (for the owner's organisation): everyone, or the
 * listed people, each a sign-in name (UPN) or an Entra object id. Changes are made in the list
 * here and saved together.
 */
export class AccessEditor {
  readonly element: HTMLElement;
  private rule: AccessRule | null = null;
  private mode: AccessMode = 'everyone';
  private users: string[] = [];
  private draft = '';
  private draftProblem: string | null = null;
  private notice: Notice | null = null;
  private busy = false;

  constructor(private readonly deps: AccessEditorDeps, readonly connection: AdminConnection) {
    this.element = deps.view().doc.createElement('section');
    this.element.className = 'admin-pane';
    this.element.setAttribute('aria-labelledby', 'access-title');
  }

  async load(): Promise<void> {
    this.render();
    try {
      this.accept(await this.deps.api.accessRule(this.connection.id));
    } catch (error) {
      this.notice = { text: adminProblemText(this.deps.view().lang, error), tone: 'error' };
    }
    this.render();
  }

  private accept(rule: AccessRule): void {
    this.rule = rule;
    this.mode = rule.mode;
    this.users = rule.users.map((u) => u.upn ?? u.aadObjectId ?? '').filter((u) => u !== '');
  }

  private add(): void {
    const { lang } = this.deps.view();
    const text = this.draft.trim();
    const known = this.users.some((u) => u.toLowerCase() === text.toLowerCase());
    this.draftProblem = !isUpn(text) && !isObjectId(text) ? translate(lang, 'adminTab.access.invalid') : known ? translate(lang, 'adminTab.access.duplicate', { person: text }) : null;
    if (this.draftProblem === null) {
      this.users = [...this.users, text];
      this.draft = '';
    }
    this.render();
  }

  private remove(index: number): void {
    this.users = this.users.filter((_, i) => i !== index);
    this.render();
  }

  private setMode(mode: AccessMode): void {
    this.mode = mode;
    this.render();
  }

  private async save(): Promise<void> {
    if (this.busy) return;
    const { lang } = this.deps.view();
    this.busy = true;
    this.notice = null;
    this.render();
    let saved = false;
    try {
      this.accept(await this.deps.api.setAccessRule(this.connection.id, { mode: this.mode, users: this.users }));
      saved = true;
    } catch (error) {
      const problems = error instanceof TabApiError ? error.problem.problems : undefined;
      // `users.2` names the third person; the API's sentence quotes them, so it stands on its own.
      const text = problems?.length ? problems.map((p) => `${sentence(fieldProblemText(lang, p))}.`).join(' ') : adminProblemText(lang, error);
      this.notice = { text, tone: 'error' };
    }
    this.busy = false;
    if (saved) this.deps.onClose({ text: translate(lang, 'adminTab.access.saved', { name: this.connection.name }), tone: 'good' });
    else this.render();
  }

  private render(): void {
    const ctx = this.deps.view();
    const { doc, lang } = ctx;
    const c = this.connection;
    const head = [
      el(doc, 'h2', { className: 'admin-subtitle', text: translate(lang, 'adminTab.access.title', { name: c.name }), attrs: { id: 'access-title', tabindex: '-1', 'data-focus-key': 'access-title' } }),
      noticeView(ctx, this.notice),
    ];
    if (this.rule === null) {
      const body = this.notice ? [] : [el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.loading'), attrs: { role: 'status' } })];
      rerender(doc, this.element, [...head, ...body, el(doc, 'div', { className: 'actions' }, [this.closeButton()])]);
      return;
    }
    const radio = (mode: AccessMode) => {
      const input = el(doc, 'input', { attrs: { type: 'radio', name: 'access-mode', value: mode, 'data-focus-key': `access-${mode}` }, on: { change: () => this.setMode(mode) } });
      input.checked = this.mode === mode;
      return el(doc, 'label', { className: 'check-label' }, [input, ` ${translate(lang, mode === 'everyone' ? 'adminTab.access.everyone' : 'adminTab.access.listed')}`]);
    };
    const draft = textField(doc, { id: 'access-add', label: translate(lang, 'adminTab.access.addLabel'), hint: translate(lang, 'adminTab.access.addHint'), value: this.draft, maxlength: 254 });
    draft.control.addEventListener('input', () => {
      this.draft = draft.control.value;
    });
    draft.control.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key !== 'Enter') return;
      event.preventDefault();
      this.add();
    });
    draft.showProblem(this.draftProblem);
    const people = this.users.length === 0
      ? el(doc, 'p', { className: 'empty', text: translate(lang, 'adminTab.access.none') })
      : el(doc, 'ul', { className: 'admin-list people' }, this.users.map((person, index) =>
          el(doc, 'li', { className: 'person' }, [
            el(doc, 'span', { className: 'person-name', text: person }),
            actionButton(doc, { text: translate(lang, 'adminTab.remove'), label: translate(lang, 'adminTab.access.removeLabel', { person }), focusKey: `access-remove-${index}`, onClick: () => this.remove(index) }),
          ]),
        ));
    const updated = this.rule.updatedBy && this.rule.updatedAt ? el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.access.lastChange', { who: this.rule.updatedBy, time: formatDateTime(lang, new Date(this.rule.updatedAt)) }) }) : null;
    rerender(doc, this.element, [
      ...head,
      updated,
      el(doc, 'fieldset', { className: 'access-mode' }, [el(doc, 'legend', { className: 'label', text: translate(lang, 'adminTab.access.modeLabel') }), radio('everyone'), radio('listed')]),
      el(doc, 'div', { className: 'access-people' }, [
        el(doc, 'h3', { className: 'label', text: translate(lang, 'adminTab.access.people') }),
        this.mode === 'everyone' ? el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.access.ignored') }) : null,
        people,
        draft.wrapper,
        el(doc, 'div', { className: 'actions' }, [actionButton(doc, { text: translate(lang, 'adminTab.access.add'), focusKey: 'access-add-button', onClick: () => this.add() })]),
      ]),
      el(doc, 'div', { className: 'actions' }, [actionButton(doc, { text: translate(lang, 'adminTab.access.save'), focusKey: 'access-save', primary: true, busy: this.busy, onClick: () => void this.save() }), this.closeButton()]),
    ]);
  }

  private closeButton(): HTMLButtonElement {
    return actionButton(this.deps.view().doc, { text: translate(this.deps.view().lang, 'adminTab.cancel'), focusKey: 'access-close', onClick: () => this.deps.onClose(null) });
  }
}
