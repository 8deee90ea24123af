import { TabApiError } from '../api-client';
import { translate } from '../i18n';
import { el, type ViewContext } from '../views/dom';
import type { AdminApi } from './admin-api';
import type { AdminMe } from '../../contracts/admin-api';
import { AdminScreen } from './admin-screen';

/**
 * The tab's way into administration: whether this user is an app owner (asked once; everyone else
 * gets no entry, and no admin data is ever requested for them), the "Admin"
 * entry, and the admin screen while it is open.
 */
export class AdminAccess {
  private owner: AdminMe | null = null;
  private screen: AdminScreen | null = null;

  constructor(private readonly deps: { readonly api?: AdminApi; readonly view: () => ViewContext }) {}

  /** True for an app owner. */
  async check(): Promise<boolean> {
    const api = this.deps.api;
    if (!api) return false;
    try {
      this.owner = await api.me();
    } catch (error) {
      if (!(error instanceof TabApiError && (error.status === 403 || error.status === 401))) console.warn('the admin check did not answer; no admin entry', error);
    }
    return this.owner !== null;
  }

  /** The open admin screen's element; null while it is closed. */
  get element(): HTMLElement | null {
    return this.screen?.element ?? null;
  }

  /** The entry, above everything else, for app owners only. */
  entry(onOpen: () => void): HTMLElement[] {
    if (!this.owner || this.screen) return [];
    const { doc, lang } = this.deps.view();
    const button = el(doc, 'button', {
      className: 'btn admin-entry',
      text: translate(lang, 'adminTab.open'),
      attrs: { type: 'button', 'aria-label': translate(lang, 'adminTab.openLabel'), 'data-focus-key': 'admin-open' },
      on: { click: () => onOpen() },
    });
    return [el(doc, 'div', { className: 'app-bar' }, [button])];
  }

  /** Makes the screen (call `start` once it is on the page); null for anyone but an owner. */
  open(onClose: () => void): { start(): void } | null {
    if (!this.deps.api || !this.owner) return null;
    const screen = new AdminScreen({ api: this.deps.api, me: this.owner, view: this.deps.view, onClose });
    this.screen = screen;
    return { start: () => screen.open() };
  }

  close(): void {
    this.screen = null;
  }
}
