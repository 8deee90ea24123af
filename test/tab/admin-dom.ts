import { JSDOM, VirtualConsole } from 'jsdom';
import { TabApp } from '../../tab/tab-app';
import { FakeAdminApi } from './admin-fake-api';
import { FakeTabApi } from './fakes/fake-tab-api';
import { FakeTabHost } from './fakes/fake-tab-host';
import { FakeTimers, settle } from './fakes/fake-timers';
import { tile } from './fixtures';

export interface AdminTabUnderTest {
  readonly app: TabApp;
  readonly doc: Document;
  readonly root: HTMLElement;
  readonly api: FakeTabApi;
  readonly admin: FakeAdminApi;
  readonly timers: FakeTimers;
  /** The visible text of the tab, whitespace collapsed. */
  text(selector?: string): string;
  $(selector: string): HTMLElement;
  $$(selector: string): HTMLElement[];
  /** Focuses and clicks the first button whose text (or aria-label) is exactly `name`. */
  press(name: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Focuses the input and types into it (the `input` event included). */
  type(selector: string, value: string): void;
  submit(selector: string): Promise<void>;
  key(selector: string, key: string): Promise<void>;
  /** The element that has the keyboard focus, as `tag#id` or `tag[data-focus-key]`. */
  focused(): string;
}

/**
 * The tab in a jsdom page with the admin API given (a fake: no network): started, settled, and
 * (unless `open: false`) with the admin screen opened as an owner would.
 */
export async function startAdminTab(admin: FakeAdminApi, options: { api?: FakeTabApi; open?: boolean; locale?: string } = {}): Promise<AdminTabUnderTest> {
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error) => {
    throw error;
  });
  const dom = new JSDOM('<!doctype html><html><body><main id="app"></main></body></html>', { url: 'https://tab.example.com/tab/', pretendToBeVisual: true, virtualConsole });
  const jsdomWindow = dom.window;
  const win = jsdomWindow as unknown as Window;
  const doc = win.document;
  const root = doc.getElementById('app') as HTMLElement;
  const api = options.api ?? new FakeTabApi();
  if (api.tiles.length === 0) api.tiles.push(tile());
  const timers = new FakeTimers();
  const host = new FakeTabHost({ locale: options.locale ?? 'en-GB', theme: 'default', loginHint: 'jan.devries@horizon-groep.example' });
  const app = new TabApp({ root, doc, win, host, api, admin, timers, now: timers.now, requestedList: null });
  const $ = (selector: string): HTMLElement => {
    const found = root.querySelector<HTMLElement>(selector);
    if (!found) throw new Error(`nothing matches ${selector} in: ${root.innerHTML.slice(0, 3000)}`);
    return found;
  };
  const $$ = (selector: string) => Array.from(root.querySelectorAll<HTMLElement>(selector));
  const tab: AdminTabUnderTest = {
    app,
    doc,
    root,
    api,
    admin,
    timers,
    text: (selector) => ((selector ? $(selector) : root).textContent ?? '').replace(/\s+/g, ' ').trim(),
    $,
    $$,
    press: async (name) => {
      const button = $$('button').find((b) => b.textContent === name || b.getAttribute('aria-label') === name);
      if (!button) throw new Error(`no button "${name}" among: ${$$('button').map((b) => b.textContent).join(' | ')}`);
      // As a mouse or keyboard user would: the button has the focus when it is pressed.
      button.focus();
      button.click();
      await settle();
    },
    click: async (selector) => {
      $(selector).click();
      await settle();
    },
    type: (selector, value) => {
      const input = $(selector) as HTMLInputElement;
      input.focus();
      input.value = value;
      input.dispatchEvent(new jsdomWindow.Event('input', { bubbles: true }));
    },
    submit: async (selector) => {
      $(selector).dispatchEvent(new jsdomWindow.Event('submit', { bubbles: true, cancelable: true }));
      await settle();
    },
    key: async (selector, key) => {
      $(selector).dispatchEvent(new jsdomWindow.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await settle();
    },
    focused: () => {
      const active = doc.activeElement;
      if (!active || active === doc.body) return 'body';
      return active.id ? `${active.tagName.toLowerCase()}#${active.id}` : `${active.tagName.toLowerCase()}[${active.getAttribute('data-focus-key') ?? ''}]`;
    },
  };
  await app.start();
  await settle();
  if (options.open !== false) await tab.click('.admin-entry');
  return tab;
}
