/** What the start page links to; the Playground's address only once it runs (null: not started, or not yet). */
export interface StartPageLinks {
  readonly playgroundUrl: string | null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `GET /` in demo mode: the links `npm start` prints, for whoever opens the bare address. */
export function startPage(links: StartPageLinks): string {
  const playground = links.playgroundUrl
    ? `<li><a href="${escapeHtml(links.playgroundUrl)}">Chat with the bot</a>: the Microsoft 365 Agents Playground, signed in as Jan de Vries. Type "my tasks".</li>`
    : '<li>Chat with the bot: the Agents Playground is not running (it starts with <code>npm start</code> unless <code>PLAYGROUND=false</code>).</li>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AFAS for Teams (demo)</title>
<link rel="stylesheet" href="/dev/dev-host.css">
</head>
<body>
<header class="bar"><strong>AFAS for Teams</strong> <span class="muted">demo mode, with the embedded AFAS sandbox</span></header>
<main class="hint">
<ul>
${playground}
<li><a href="/dev/">Tab in a browser</a>: the tab as Teams shows it, with sandbox data.</li>
<li><a href="/sandbox/mail">Sandbox mailbox</a>: activation codes arrive here.</li>
<li><a href="/healthz">Health</a>; the bot endpoint is <code>/api/messages</code>.</li>
</ul>
</main>
</body>
</html>
`;
}
