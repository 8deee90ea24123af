import { isUpn } from '../../src/domain/access-rule';
import { formatDate } from '../../src/domain/i18n/format-date-time';
import { translate } from '../i18n';
import { el } from '../views/dom';
import type { AdminOwner } from '../../contracts/admin-api';
import { actionButton, adminProblemText, badge, noticeView, rerender, type Notice } from './admin-dom';
import type { SectionDeps } from './connections-section';
import { textField } from './form-fields';

/**
 * App owners: who they are, add one by sign-in name, remove one. The API refuses removing the last
 * owner or one from APP_OWNERS; its sentence is shown as it is.
 */
export class OwnersSection {
  readonly element: HTMLElement;
  private owners: AdminOwner[] | null = null;
  private draft = '';
  private draftProblem: string | null = null;
  private notice: Notice | null = null;
  private busy = false;

  constructor(private readonly deps: SectionDeps) {
    this.element = deps.view().doc.createElement('div');
    this.element.className = 'admin-section';
  }

  async load(): Promise<void> {
    this.render();
    try {
      this.owners = await this.deps.api.owners();
    } catch (error) {
      this.notice = { text: adminProblemText(this.deps.view().lang, error), tone: 'error' };
    }
    this.render();
  }

  private async add(): Promise<void> {
    const { lang } = this.deps.view();
    const upn = this.draft.trim();
    this.draftProblem = isUpn(upn) ? null : translate(lang, 'adminTab.owners.invalid');
    if (this.draftProblem !== null || this.busy) return this.render();
    await this.act(async () => {
      await this.deps.api.addOwner(upn);
      this.draft = '';
      return translate(lang, 'adminTab.owners.added', { upn: upn.toLowerCase() });
    }, 'owner-add');
  }

  private async remove(owner: AdminOwner): Promise<void> {
    if (this.busy) return;
    await this.act(async () => {
      await this.deps.api.removeOwner(owner.upn, owner.tenantId === null);
      return translate(this.deps.view().lang, 'adminTab.owners.removed', { upn: owner.upn });
    }, 'owner-add');
  }

  private async act(change: () => Promise<string>, focusAfter: string): Promise<void> {
    this.busy = true;
    this.notice = null;
    this.render();
    try {
      const text = await change();
      this.owners = await this.deps.api.owners();
      this.notice = { text, tone: 'good' };
      this.busy = false;
      this.render(focusAfter);
    } catch (error) {
      this.notice = { text: adminProblemText(this.deps.view().lang, error), tone: 'error' };
      this.busy = false;
      this.render();
    }
  }

  private render(focusKey?: string): void {
    const ctx = this.deps.view();
    const { doc, lang } = ctx;
    const draft = textField(doc, { id: 'owner-add', label: translate(lang, 'adminTab.owners.addLabel'), value: this.draft, maxlength: 254, autocomplete: 'off' });
    draft.control.addEventListener('input', () => {
      this.draft = draft.control.value;
    });
    draft.showProblem(this.draftProblem);
    const list = this.owners === null
      ? (this.notice ? null : el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.loading'), attrs: { role: 'status' } }))
      : el(doc, 'ul', { className: 'admin-list' }, this.owners.map((owner) =>
          el(doc, 'li', { className: 'admin-row person' }, [
            el(doc, 'div', { className: 'person-text' }, [
              el(doc, 'span', { className: 'person-name', text: owner.displayName ? `${owner.displayName} (${owner.upn})` : owner.upn }),
              el(doc, 'span', { className: 'badges' }, [
                owner.tenantId === null ? badge(doc, translate(lang, 'adminTab.badge.everyTenant')) : null,
                owner.source === 'config' ? badge(doc, translate(lang, 'adminTab.owners.fromSettings')) : null,
                owner.source === 'demo' ? badge(doc, translate(lang, 'adminTab.owners.demo')) : null,
              ]),
              el(doc, 'span', {
                className: 'hint',
                text: owner.source === 'demo' ? translate(lang, 'adminTab.owners.demoHint') : translate(lang, 'adminTab.owners.addedBy', { who: owner.addedBy, date: formatDate(lang, new Date(owner.addedAt)) }),
              }),
            ]),
            actionButton(doc, { text: translate(lang, 'adminTab.remove'), label: translate(lang, 'adminTab.owners.removeLabel', { upn: owner.upn }), focusKey: `owner-remove-${owner.tenantId ?? '*'}-${owner.upn}`, busy: this.busy, onClick: () => void this.remove(owner) }),
          ]),
        ));
    const form = el(doc, 'form', {
      className: 'form admin-inline-form',
      attrs: { novalidate: '', 'aria-busy': String(this.busy) },
      on: {
        submit: (event) => {
          event.preventDefault();
          void this.add();
        },
      },
    }, [draft.wrapper, el(doc, 'div', { className: 'actions' }, [el(doc, 'button', { className: 'btn btn-primary', text: translate(lang, 'adminTab.owners.add'), attrs: { type: 'submit', 'data-focus-key': 'owner-add-button', 'aria-disabled': this.busy ? 'true' : null } })])]);
    rerender(doc, this.element, [
      el(doc, 'h2', { className: 'admin-subtitle', text: translate(lang, 'adminTab.owners.title') }),
      el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.owners.intro') }),
      noticeView(ctx, this.notice),
      list,
      form,
    ], focusKey);
  }
}
