import { translate } from '../i18n';
import { el, type ViewContext } from '../views/dom';
import type { AdminApi } from './admin-api';
import type { AdminMe } from '../../contracts/admin-api';
import { actionButton, rerender } from './admin-dom';
import { AuditSection } from './audit-section';
import { ConnectionsSection } from './connections-section';
import { OwnersSection } from './owners-section';

export interface AdminScreenDeps {
  readonly api: AdminApi;
  readonly me: AdminMe;
  readonly view: () => ViewContext;
  /** Back to the tile. */
  readonly onClose: () => void;
}

type SectionName = 'connections' | 'owners' | 'audit';

const SECTIONS: readonly SectionName[] = ['connections', 'owners', 'audit'];

/**
 * The admin screen, for app owners only (the tab opens it only after /api/admin/me said 200):
 * connections, app owners and the audit log, one section at a time.
 */
export class AdminScreen {
  readonly element: HTMLElement;
  private current: SectionName = 'connections';
  private readonly sections: { readonly [K in SectionName]: { readonly element: HTMLElement; load(): Promise<void> } };
  private readonly body: HTMLElement;

  constructor(private readonly deps: AdminScreenDeps) {
    const { doc } = deps.view();
    const sectionDeps = { api: deps.api, view: deps.view };
    this.sections = { connections: new ConnectionsSection(sectionDeps), owners: new OwnersSection(sectionDeps), audit: new AuditSection(sectionDeps) };
    this.element = el(doc, 'section', { className: 'admin', attrs: { 'aria-labelledby': 'admin-title' } });
    this.body = el(doc, 'div', { className: 'admin-body' });
  }

  open(): void {
    this.render();
    void this.sections[this.current].load();
    this.element.querySelector<HTMLElement>('#admin-title')?.focus({ preventScroll: true });
  }

  private select(name: SectionName): void {
    if (name === this.current) return;
    this.current = name;
    this.render();
    void this.sections[name].load();
  }

  private render(): void {
    const { doc, lang } = this.deps.view();
    const me = this.deps.me;
    const nav = el(doc, 'nav', { className: 'admin-nav', attrs: { 'aria-label': translate(lang, 'adminTab.nav.label') } }, SECTIONS.map((name) =>
      el(doc, 'button', {
        className: name === this.current ? 'switch-tab selected' : 'switch-tab',
        text: translate(lang, `adminTab.nav.${name}`),
        attrs: { type: 'button', 'aria-current': name === this.current ? 'true' : null, 'data-focus-key': `nav-${name}` },
        on: { click: () => this.select(name) },
      }),
    ));
    this.body.replaceChildren(this.sections[this.current].element);
    rerender(doc, this.element, [
      el(doc, 'header', { className: 'admin-header' }, [
        el(doc, 'div', { className: 'tile-heading' }, [
          el(doc, 'h1', { className: 'admin-title', text: translate(lang, 'adminTab.title'), attrs: { id: 'admin-title', tabindex: '-1' } }),
          el(doc, 'p', { className: 'hint', text: translate(lang, me.everyTenant ? 'adminTab.signedInEveryTenant' : 'adminTab.signedIn', { who: me.actor }) }),
        ]),
        actionButton(doc, { text: translate(lang, 'adminTab.back'), focusKey: 'admin-back', onClick: () => this.deps.onClose() }),
      ]),
      nav,
      this.body,
    ]);
  }
}
