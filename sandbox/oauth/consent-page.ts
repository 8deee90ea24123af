import { escapeHtml } from '../mailbox-page';

export interface ConsentPageInput {
  readonly appName: string;
  readonly environment: string;
  readonly users: readonly { readonly userId: string; readonly name: string }[];
  /** A problem to show instead of (error page) or above (unknown user) the form. */
  readonly error?: string;
  /** False: the request itself is wrong and there is no form to show. */
  readonly showForm: boolean;
}

/** Sent with every page: no script, nothing from elsewhere, and no Referer carrying the query onwards. */
export const CONSENT_PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The sandbox's stand-in for AFAS's sign-in and consent page: the demo user picks who they are (or
 * types an address) and allows or denies. The form posts back to the same URL, query included.
 */
export function renderConsentPage(input: ConsentPageInput): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  const users = input.users
    .map((u) => `<li><button type="submit" name="user" value="${escapeHtml(u.userId)}">${escapeHtml(u.name)} <small>${escapeHtml(u.userId)}</small></button></li>`)
    .join('');
  const form = input.showForm
    ? `<form method="post">
<p><strong>${escapeHtml(input.appName)}</strong> asks to read your tasks and signals in ${escapeHtml(input.environment)}.</p>
<p><label>AFAS user (e-mail or user code) <input name="other" autocomplete="off"></label>
<button type="submit" name="user" value="">Sign in</button></p>
<h2>Or choose a demo user</h2><ul>${users}</ul>
<p><button type="submit" name="decision" value="deny">Deny</button></p>
</form>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AFAS sign-in (sandbox)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<style>body{font-family:'Segoe UI',sans-serif;margin:2rem;color:#242424}h1{color:#0a5ea8}ul{list-style:none;padding:0}li{margin:.3rem 0}button{font:inherit;padding:.3rem .8rem}.error{color:#a4262c}</style></head>
<body><h1>AFAS Profit (sandbox): sign in</h1>${error}${form}</body></html>`;
}
