import { formatDateTime } from '../src/domain/i18n/format-date-time';
import type { MailMessage } from './sandbox-types';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Amsterdam wall-clock time, as everywhere else in the product ("2 mrt 2026 09:00"). */
function amsterdamTime(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : formatDateTime('nl', instant);
}

/** The demo mailbox as a page, newest first. Every value is escaped: names and subjects are user input. */
export function renderMailboxPage(messages: readonly MailMessage[]): string {
  const items = messages
    .map(
      (m) => `<article>
<h2>${escapeHtml(m.subject)}</h2>
<p class="meta">Aan: ${escapeHtml(m.to)} &middot; <time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(amsterdamTime(m.sentAt))}</time></p>
<p class="code">Code: <strong>${escapeHtml(m.code)}</strong></p>
<pre>${escapeHtml(m.body)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>AFAS sandbox: mailbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ccc;border-radius:6px;padding:0 1rem;margin:1rem 0}.meta{color:#555}.code strong{font-size:1.4rem;letter-spacing:.15em}pre{white-space:pre-wrap}</style>
</head>
<body>
<h1>AFAS sandbox: mailbox</h1>
<p>Activation mail the sandbox "sent", newest first. This page refreshes every 5 seconds.</p>
${items === '' ? '<p>No mail yet.</p>' : items}
</body>
</html>
`;
}
