import type { ClassicInvite, ConnectionAuth } from '../../contracts/admin-api';
import { TabApiError } from '../api-client';
import { translate } from '../i18n';
import { el, type ViewContext } from '../views/dom';
import type { AdminApi, ConnectionAuthChanges } from './admin-api';
import { actionButton, adminProblemText, localisedProblems, noticeView, type Notice } from './admin-dom';
import { selectField, textField, type Field } from './form-fields';

const MODES = ['classic', 'oauth', 'both'] as const;

/**
 * "Signing in to AFAS" under a connection's form: the auth mode, OAuth client id, write-only client
 * secret, scope, the redirect URI to register in AFAS (read-only, to copy), how many users are on
 * classic tokens and OAuth, the 31 August 2027 warning and "Invite every classic user". Read-only
 * for the AFAS_* connection.
 */
export class AuthPanel {
  readonly element: HTMLElement;
  private auth: ConnectionAuth | null = null;
  private notice: Notice | null = null;
  private fields: Record<'authMode' | 'clientId' | 'clientSecret' | 'scope', Field<HTMLInputElement | HTMLSelectElement>> | null = null;

  constructor(private readonly deps: { readonly api: AdminApi; readonly view: () => ViewContext }, private readonly connectionId: string, private readonly name: string) {
    this.element = deps.view().doc.createElement('section');
    this.element.className = 'admin-auth';
    this.element.setAttribute('aria-labelledby', `auth-title-${connectionId}`);
  }

  async load(): Promise<void> {
    try {
      this.auth = await this.deps.api.connectionAuth(this.connectionId);
    } catch (error) {
      this.notice = { text: adminProblemText(this.deps.view().lang, error), tone: 'error' };
    }
    this.render();
  }

  private async save(): Promise<void> {
    const { auth, fields } = this;
    if (!auth || !fields) return;
    const { lang } = this.deps.view();
    const changes: ConnectionAuthChanges = {};
    const mode = fields.authMode.control.value as ConnectionAuth['authMode'];
    if (mode !== auth.authMode) changes.authMode = mode;
    const clientId = fields.clientId.control.value.trim();
    if (clientId !== (auth.clientId ?? '')) changes.clientId = clientId === '' ? null : clientId;
    const secret = fields.clientSecret.control.value;
    if (secret.trim() !== '') changes.clientSecret = secret.trim();
    const scope = fields.scope.control.value.trim();
    if (scope !== auth.scope) changes.scope = scope;
    try {
      this.auth = await this.deps.api.setConnectionAuth(this.connectionId, changes);
      this.notice = { text: translate(lang, 'adminTab.auth.saved', { name: this.name }), tone: 'good' };
    } catch (error) {
      const problems = error instanceof TabApiError && error.problem.code === 'validation_failed' ? (error.problem.problems ?? []) : [];
      if (problems.length === 0) this.notice = { text: adminProblemText(lang, error), tone: 'error' };
      else {
        this.notice = { text: translate(lang, 'adminTab.form.notSaved'), tone: 'error' };
        for (const problem of localisedProblems(lang, problems)) fields[problem.field as keyof typeof fields]?.showProblem(problem.message);
        return this.renderNotice();
      }
    }
    this.render();
  }

  private async invite(): Promise<void> {
    const { lang } = this.deps.view();
    try {
      const result: ClassicInvite = await this.deps.api.inviteClassicUsers(this.connectionId);
      // Green only when it did what was asked: nobody reached is not a success.
      const tone = result.invited === 0 && result.notReached > 0 ? 'plain' : 'good';
      this.notice = { text: translate(lang, 'adminTab.auth.invited', { invited: result.invited, already: result.alreadyInvited, notReached: result.notReached }), tone };
    } catch (error) {
      this.notice = { text: adminProblemText(lang, error), tone: 'error' };
    }
    this.renderNotice();
  }

  private renderNotice(): void {
    this.element.querySelector('.admin-notice')?.remove();
    const notice = noticeView(this.deps.view(), this.notice);
    if (notice) this.element.querySelector('h3')?.after(notice);
  }

  private render(): void {
    const ctx = this.deps.view();
    const { doc, lang } = ctx;
    const auth = this.auth;
    const title = el(doc, 'h3', { className: 'admin-subtitle', text: translate(lang, 'adminTab.auth.title'), attrs: { id: `auth-title-${this.connectionId}` } });
    if (!auth) return void this.element.replaceChildren(title, ...[noticeView(ctx, this.notice)].filter((n): n is HTMLElement => n !== null));
    const locked = !auth.changeable;
    const id = (name: string) => `auth-${name}`;
    const fields = {
      authMode: selectField(doc, { id: id('authMode'), label: translate(lang, 'adminTab.auth.mode'), value: auth.authMode, disabled: locked, options: MODES.map((m) => ({ value: m, label: translate(lang, `adminTab.auth.mode.${m}`) })) }),
      clientId: textField(doc, { id: id('clientId'), label: translate(lang, 'adminTab.auth.clientId'), value: auth.clientId ?? '', disabled: locked, maxlength: 200 }),
      clientSecret: textField(doc, { id: id('clientSecret'), label: translate(lang, 'adminTab.auth.clientSecret'), value: '', type: 'password', autocomplete: 'new-password', disabled: locked, maxlength: 500, hint: translate(lang, auth.clientSecretSet ? 'adminTab.auth.secretSet' : 'adminTab.auth.secretNotSet') }),
      scope: textField(doc, { id: id('scope'), label: translate(lang, 'adminTab.auth.scope'), value: auth.scope, disabled: locked, maxlength: 500, hint: translate(lang, 'adminTab.auth.scopeHint') }),
    };
    this.fields = fields;
    const redirect = textField(doc, { id: id('redirectUri'), label: translate(lang, 'adminTab.auth.redirectUri'), value: auth.redirectUri, hint: translate(lang, 'adminTab.auth.redirectUriHint') });
    redirect.control.readOnly = true;
    redirect.control.addEventListener('focus', () => redirect.control.select());
    const classic = auth.users.classic;
    const warning = auth.classicEndWarning
      ? el(doc, 'p', { className: 'problem admin-warning', text: translate(lang, classic === 1 ? 'adminTab.auth.classicEnding.one' : 'adminTab.auth.classicEnding.other', { count: classic }), attrs: { role: 'alert' } })
      : null;
    const canInvite = !locked && auth.authMode !== 'classic' && classic > 0;
    const form = el(doc, 'form', { className: 'admin-form auth-form', attrs: { novalidate: 'true' }, on: { submit: (event: Event) => { event.preventDefault(); void this.save(); } } }, [
      fields.authMode.wrapper,
      fields.clientId.wrapper,
      fields.clientSecret.wrapper,
      fields.scope.wrapper,
      redirect.wrapper,
      locked ? null : el(doc, 'div', { className: 'actions' }, [el(doc, 'button', { className: 'btn btn-primary', text: translate(lang, 'adminTab.auth.save'), attrs: { type: 'submit', 'data-focus-key': 'auth-save' } })]),
    ]);
    const children = [
      title,
      noticeView(ctx, this.notice),
      el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.auth.intro') }),
      locked && auth.fromConfiguration ? el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.auth.fromSettings') }) : null,
      warning,
      el(doc, 'p', { className: 'auth-counts', text: translate(lang, 'adminTab.auth.users', { classic, oauth: auth.users.oauth }) }),
      form,
      canInvite ? el(doc, 'div', { className: 'actions' }, [actionButton(doc, { text: translate(lang, 'adminTab.auth.invite'), focusKey: 'auth-invite', onClick: () => void this.invite() }), el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.auth.inviteHint') })]) : null,
    ];
    this.element.replaceChildren(...children.filter((child): child is HTMLElement => child !== null));
  }
}
