import { JSDOM, VirtualConsole } from 'jsdom';
import type { ListKind } from '../../contracts/tab-api';
import { TabApp } from '../../tab/tab-app';
import { FakeTabApi } from './fakes/fake-tab-api';
import { FakeTabHost } from './fakes/fake-tab-host';
import { FakeTimers, settle } from './fakes/fake-timers';

export interface TabUnderTest {
  readonly app: TabApp;
  readonly doc: Document;
  readonly win: Window;
  readonly root: HTMLElement;
  readonly host: FakeTabHost;
  readonly api: FakeTabApi;
  readonly timers: FakeTimers;
  /** The visible text of the tab, whitespace collapsed. */
  text(): string;
  $(selector: string): HTMLElement;
  $$(selector: string): HTMLElement[];
  click(selector: string): Promise<void>;
  type(selector: string, value: string): void;
  submit(selector?: string): Promise<void>;
  key(selector: string, key: string): Promise<void>;
  setVisible(visible: boolean): Promise<void>;
  /** The window gets focus (the user comes back to the tab). */
  focusWindow(): Promise<void>;
}

/** The tab in a jsdom page, with a fake host, a fake API and hand-moved time; started and settled. */
export async function startTab(options: { api: FakeTabApi; host?: FakeTabHost; requestedList?: ListKind | null; timers?: FakeTimers; start?: boolean }): Promise<TabUnderTest> {
  // An exception in an event handler must fail the test, not vanish into jsdom's console.
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error) => {
    throw error;
  });
  const dom = new JSDOM('<!doctype html><html><body><main id="app"></main></body></html>', { url: 'https://tab.example.com/tab/', pretendToBeVisual: true, virtualConsole });
  const jsdomWindow = dom.window;
  const win = jsdomWindow as unknown as Window;
  const doc = win.document;
  const root = doc.getElementById('app') as HTMLElement;
  const host = options.host ?? new FakeTabHost();
  const timers = options.timers ?? new FakeTimers();
  const app = new TabApp({ root, doc, win, host, api: options.api, timers, now: timers.now, requestedList: options.requestedList ?? null });
  const $ = (selector: string): HTMLElement => {
    const found = root.querySelector<HTMLElement>(selector);
    if (!found) throw new Error(`nothing matches ${selector} in: ${root.innerHTML.slice(0, 2000)}`);
    return found;
  };
  let visibility: DocumentVisibilityState = 'visible';
  Object.defineProperty(doc, 'visibilityState', { configurable: true, get: () => visibility });
  const tab: TabUnderTest = {
    app,
    doc,
    win,
    root,
    host,
    api: options.api,
    timers,
    text: () => (root.textContent ?? '').replace(/\s+/g, ' ').trim(),
    $,
    $$: (selector) => Array.from(root.querySelectorAll<HTMLElement>(selector)),
    click: async (selector) => {
      $(selector).click();
      await settle();
    },
    type: (selector, value) => {
      ($(selector) as HTMLInputElement).value = value;
    },
    submit: async (selector = 'form') => {
      $(selector).dispatchEvent(new jsdomWindow.Event('submit', { bubbles: true, cancelable: true }));
      await settle();
    },
    key: async (selector, key) => {
      $(selector).dispatchEvent(new jsdomWindow.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await settle();
    },
    focusWindow: async () => {
      win.dispatchEvent(new jsdomWindow.Event('focus'));
      await settle();
    },
    setVisible: async (visible) => {
      visibility = visible ? 'visible' : 'hidden';
      doc.dispatchEvent(new jsdomWindow.Event('visibilitychange'));
      await settle();
    },
  };
  if (options.start !== false) {
    await app.start();
    await settle();
  }
  return tab;
}
