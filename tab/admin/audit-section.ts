import { formatDateTime } from '../../src/domain/i18n/format-date-time';
import { translate } from '../i18n';
import { el } from '../views/dom';
import type { AuditEvent } from '../../contracts/admin-api';
import { actionButton, adminProblemText, noticeView, rerender, type Notice } from './admin-dom';
import { auditDetails, auditWhat } from './audit-text';
import type { SectionDeps } from './connections-section';

export const AUDIT_PAGE = 25;

/** The audit log, newest first: what as a sentence, when, who (and what the sentence leaves out), with "Older" for the next page. */
export class AuditSection {
  readonly element: HTMLElement;
  private events: AuditEvent[] = [];
  private loaded = false;
  private more = false;
  private busy = false;
  private notice: Notice | null = null;

  constructor(private readonly deps: SectionDeps) {
    this.element = deps.view().doc.createElement('div');
    this.element.className = 'admin-section';
  }

  /** From the newest again (each time the section is opened). */
  load(): Promise<void> {
    this.events = [];
    this.loaded = false;
    return this.page();
  }

  private async page(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = null;
    this.render();
    const last = this.events[this.events.length - 1];
    try {
      const page = await this.deps.api.audit({ limit: AUDIT_PAGE, ...(last ? { beforeId: last.id } : {}) });
      this.events = [...this.events, ...page];
      this.more = page.length === AUDIT_PAGE;
      this.loaded = true;
    } catch (error) {
      this.notice = { text: adminProblemText(this.deps.view().lang, error), tone: 'error' };
    }
    this.busy = false;
    // Keyboard users who asked for older events land on the first of them.
    this.render(last && this.events.length > this.events.indexOf(last) + 1 ? `audit-${this.events[this.events.indexOf(last) + 1].id}` : undefined);
  }

  private render(focusKey?: string): void {
    const ctx = this.deps.view();
    const { doc, lang } = ctx;
    const items = this.events.map((event) => {
      const details = auditDetails(lang, event);
      return el(doc, 'li', { className: 'audit-event', attrs: { tabindex: '-1', 'data-focus-key': `audit-${event.id}` } }, [
        el(doc, 'p', { className: 'audit-what', text: auditWhat(lang, event) }),
        el(doc, 'p', { className: 'hint' }, [el(doc, 'time', { text: formatDateTime(lang, new Date(event.at)), attrs: { datetime: event.at } }), ` · ${event.actor}`]),
        details ? el(doc, 'p', { className: 'audit-details', text: details }) : null,
      ]);
    });
    const status = this.busy
      ? el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.loading'), attrs: { role: 'status' } })
      : this.loaded && this.events.length === 0
        ? el(doc, 'p', { className: 'empty', text: translate(lang, 'adminTab.audit.empty') })
        : null;
    rerender(doc, this.element, [
      el(doc, 'h2', { className: 'admin-subtitle', text: translate(lang, 'adminTab.audit.title') }),
      el(doc, 'p', { className: 'hint', text: translate(lang, 'adminTab.audit.intro') }),
      noticeView(ctx, this.notice),
      items.length > 0 ? el(doc, 'ol', { className: 'admin-list audit' }, items) : null,
      status,
      this.more ? el(doc, 'div', { className: 'actions' }, [actionButton(doc, { text: translate(lang, 'adminTab.audit.older'), label: translate(lang, 'adminTab.audit.olderLabel'), focusKey: 'audit-older', busy: this.busy, onClick: () => void this.page() })]) : null,
    ], focusKey);
  }
}
