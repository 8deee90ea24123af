/*
 * The development host: plays Microsoft Teams for the tab framed in /dev/, by answering the
 * messages @microsoft/teams-js sends to its parent window (initialize, getContext,
 * authentication.getAuthToken, authentication.authenticate, executeDeepLink) and by sending theme changes. Settings come from
 * the page's query string (?person=0&theme=dark&locale=nl-NL&list=signals&width=320), so tests
 * and benchmarks can open any combination directly.
 */

import { AuthPopup } from './auth-popup';
import { latestCodeLine, type SandboxMail } from './latest-code';

interface HostMessage {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: readonly unknown[];
}

interface Settings {
  person: number;
  theme: 'default' | 'dark' | 'contrast';
  locale: 'en-GB' | 'nl-NL';
  list: '' | 'tasks' | 'signals';
  width: '' | '320' | '480';
}

/** teams-js accepts any runtime of API version 4; the tab needs no optional capability. */
const RUNTIME = JSON.stringify({ apiVersion: 4, supports: { app: {}, pages: { tabs: {} }, teamsCore: {} } });
const SDK_VERSION = '2.58.0';

const frame = document.getElementById('tab') as HTMLIFrameElement;
const form = document.getElementById('controls') as HTMLFormElement;
const opened = document.getElementById('opened') as HTMLOListElement;
const latestCode = document.getElementById('latest-code') as HTMLSpanElement;
const personSelect = document.getElementById('person') as HTMLSelectElement;

const settings = readSettings(new URLSearchParams(location.search));

function readSettings(query: URLSearchParams): Settings {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  const person = Number(query.get('person') ?? '0');
  return {
    person: Number.isInteger(person) && person >= 0 && person < personSelect.options.length ? person : 0,
    theme: pick(query.get('theme'), ['default', 'dark', 'contrast'], 'default'),
    locale: pick(query.get('locale'), ['en-GB', 'nl-NL'], 'en-GB'),
    list: pick(query.get('list'), ['', 'tasks', 'signals'], ''),
    width: pick(query.get('width'), ['', '320', '480'], ''),
  };
}

function email(): string {
  return personSelect.options[settings.person]?.dataset.email ?? '';
}

function showSettings(): void {
  personSelect.value = String(settings.person);
  (form.elements.namedItem('list') as HTMLSelectElement).value = settings.list;
  (form.elements.namedItem('locale') as HTMLSelectElement).value = settings.locale;
  (form.elements.namedItem('width') as HTMLSelectElement).value = settings.width;
  for (const radio of Array.from(form.querySelectorAll<HTMLInputElement>('input[name="theme"]'))) radio.checked = radio.value === settings.theme;
  document.documentElement.setAttribute('data-theme', settings.theme);
  frame.style.width = settings.width === '' ? '100%' : `${settings.width}px`;
}

function saveSettings(): void {
  const query = new URLSearchParams({ person: String(settings.person), theme: settings.theme, locale: settings.locale });
  if (settings.list) query.set('list', settings.list);
  if (settings.width) query.set('width', settings.width);
  history.replaceState(null, '', `?${query.toString()}`);
}

function loadTab(): void {
  frame.src = `/tab/${settings.list ? `?list=${settings.list}` : ''}`;
}

function context(): Record<string, unknown> {
  const option = personSelect.options[settings.person];
  return {
    locale: settings.locale,
    theme: settings.theme,
    entityId: settings.list === 'signals' ? 'signals' : 'tasks',
    loginHint: email(),
    userPrincipalName: email(),
    userDisplayName: option?.textContent?.replace(/ \(.*\)$/, '') ?? '',
    hostClientType: settings.width === '320' ? 'android' : 'web',
    hostName: 'Teams',
    frameContext: 'content',
    appSessionId: 'development-host',
  };
}

async function devToken(): Promise<string> {
  const response = await fetch('/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person: settings.person }) });
  if (!response.ok) throw new Error(`the development token was refused (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

/** Teams' authentication popup (OAuth sign-in): teams-js in it runs in the `authentication` frame context. */
const authPopup = new AuthPopup(() => ['authentication', 'web', RUNTIME, SDK_VERSION]);

function reply(message: HostMessage, args: readonly unknown[]): void {
  frame.contentWindow?.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, location.origin);
}

async function answer(message: HostMessage): Promise<void> {
  switch (message.func) {
    case 'initialize':
      return reply(message, ['content', context().hostClientType, RUNTIME, SDK_VERSION]);
    case 'getContext':
      return reply(message, [context()]);
    case 'authentication.getAuthToken':
      try {
        return reply(message, [true, await devToken()]);
      } catch (error) {
        return reply(message, [false, error instanceof Error ? error.message : String(error)]);
      }
    case 'authentication.authenticate':
      return authPopup.open(String(message.args?.[0] ?? ''), Number(message.args?.[1]), Number(message.args?.[2]), (args) => reply(message, args));
    case 'executeDeepLink': {
      const url = String(message.args?.[0] ?? '');
      const item = document.createElement('li');
      item.textContent = url;
      opened.append(item);
      window.open(url, '_blank', 'noopener');
      return reply(message, [true]);
    }
    default:
      // registerHandler, appInitialization.success and friends: acknowledged, nothing to do.
      return reply(message, [true]);
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  if (authPopup.handles(event)) return;
  if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
  const data = event.data as Partial<HostMessage> | null;
  if (!data || typeof data.func !== 'string' || typeof data.id !== 'number') return;
  void answer(data as HostMessage);
});

form.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement | HTMLSelectElement;
  const before = { ...settings };
  Object.assign(settings, readSettings(new URLSearchParams({ ...Object.fromEntries(new FormData(form) as unknown as Iterable<[string, string]>) })));
  showSettings();
  saveSettings();
  if (target.name === 'theme') {
    frame.contentWindow?.postMessage({ func: 'themeChange', args: [settings.theme] }, location.origin);
  } else if (before.person !== settings.person || before.locale !== settings.locale || before.list !== settings.list) {
    loadTab();
  }
});
form.addEventListener('submit', (event) => event.preventDefault());

/** The code the sandbox "e-mailed" to the current person, so a newcomer need not open the mailbox. */
async function showLatestCode(): Promise<void> {
  try {
    const response = await fetch('/sandbox/mail.json', { cache: 'no-store' });
    if (!response.ok) return;
    latestCode.textContent = latestCodeLine((await response.json()) as SandboxMail[], email());
  } catch (error) {
    latestCode.textContent = '';
    console.warn('the sandbox mailbox did not answer', error);
  }
}

showSettings();
loadTab();
void showLatestCode();
setInterval(() => void showLatestCode(), 3000);
