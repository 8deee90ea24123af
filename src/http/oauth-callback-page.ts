import type { Language } from '../domain/user-preferences';
import { translate, type PlainMessageKey } from '../domain/i18n/translate';
import { escapeHtml } from './html-escape';

/** What the callback page shows: the bot's code, the tab's finished sign-in, or why nothing happened. */
export type CallbackPageContent =
  | { readonly kind: 'code'; readonly confirmationCode: string }
  | { readonly kind: 'tab'; readonly completionHandle: string }
  | { readonly kind: 'problem'; readonly reason: 'invalid' | 'denied' | 'failed' };

/**
 * Only our own script (which hands a tab sign-in back to Teams), no styles from elsewhere, no
 * framing, and no form: the page shows one thing and does nothing else.
 */
export const CALLBACK_PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src https://res.cdn.office.net; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PROBLEM_TEXT: Readonly<Record<'invalid' | 'denied' | 'failed', PlainMessageKey>> = {
  invalid: 'oauth.page.invalid',
  denied: 'oauth.page.denied',
  failed: 'oauth.page.failed',
};

/**
 * The page AFAS redirects the browser to. It never shows AFAS's code: the bot's page shows our own
 * 6-digit confirmation code; the tab's page carries the completion handle for the popup's script
 * (tab/auth-end.ts), which passes it to the tab through Teams.
 */
export function renderCallbackPage(lang: Language, content: CallbackPageContent): string {
  const t = (key: PlainMessageKey) => escapeHtml(translate(lang, key));
  let body: string;
  let outcome = '';
  if (content.kind === 'code') {
    body = `<p>${t('oauth.page.code')}</p><p class="code" aria-label="${escapeHtml(content.confirmationCode.split('').join(' '))}">${escapeHtml(content.confirmationCode)}</p><p>${t('oauth.page.codeHint')}</p>`;
  } else if (content.kind === 'tab') {
    body = `<p role="status">${t('oauth.page.tabDone')}</p>`;
    outcome = `<meta name="afas-sign-in" content="success" data-handle="${escapeHtml(content.completionHandle)}">`;
  } else {
    body = `<p role="alert">${t(PROBLEM_TEXT[content.reason])}</p>`;
    outcome = `<meta name="afas-sign-in" content="failure" data-reason="${content.reason}">`;
  }
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">${outcome}
<title>${t('oauth.page.title')}</title><style>body{font-family:'Segoe UI',sans-serif;margin:2rem;color:#242424;max-width:36rem}.code{font-size:2.2rem;letter-spacing:.3em;font-weight:600}</style>
${outcome ? '<script src="/tab/auth-end.js" defer></script>' : ''}</head><body><h1>${t('oauth.page.title')}</h1>${body}</body></html>`;
}
