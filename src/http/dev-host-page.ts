/** One person the development host can sign in as (the Agents Playground's demo people). */
export interface DevHostPerson {
  readonly name: string;
  readonly email: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The development host: a page that plays Teams around the tab (see tab/dev-host/dev-host.ts,
 * which answers teams-js's messages). Its controls switch person, theme, language, width and list.
 */
export function devHostPage(people: readonly DevHostPerson[]): string {
  const options = people.map((p, i) => `<option value="${i}" data-email="${escapeHtml(p.email)}">${escapeHtml(p.name)} (${escapeHtml(p.email)})</option>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AFAS for Teams: development host</title>
<link rel="stylesheet" href="/dev/dev-host.css">
</head>
<body>
<header class="bar">
  <strong>AFAS for Teams</strong> <span class="muted">development host: the tab as Teams would show it, with sandbox data</span>
</header>
<form class="controls" id="controls" aria-label="Host settings">
  <label>Signed in as <select id="person" name="person">${options}</select></label>
  <label>List <select id="list" name="list"><option value="">(preference)</option><option value="tasks">My tasks</option><option value="signals">My signals</option></select></label>
  <label>Language <select id="locale" name="locale"><option value="en-GB">English</option><option value="nl-NL">Nederlands</option></select></label>
  <fieldset><legend>Theme</legend>
    <label><input type="radio" name="theme" value="default" checked> Light</label>
    <label><input type="radio" name="theme" value="dark"> Dark</label>
    <label><input type="radio" name="theme" value="contrast"> High contrast</label>
  </fieldset>
  <label>Width <select id="width" name="width"><option value="">Full</option><option value="320">320 px (mobile)</option><option value="480">480 px</option></select></label>
</form>
<p class="hint">Activation codes "e-mailed" by the AFAS sandbox: <a href="/sandbox/mail" target="_blank" rel="noopener">sandbox mailbox</a>. <span id="latest-code" aria-live="polite"></span></p>
<main class="stage"><iframe id="tab" title="AFAS for Teams tab" src="about:blank"></iframe></main>
<section class="log" aria-label="Links the tab opened"><h2>Links the tab opened</h2><ol id="opened"></ol></section>
<script src="/dev/dev-host.js"></script>
</body>
</html>
`;
}
