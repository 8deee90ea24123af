import type { Request, Response, Server } from 'restify';
import { writeRaw } from '../afas-reply';
import { escapeHtml } from '../mailbox-page';

export const INSITE_PATH = '/sandbox/insite';

const PAGES: Record<string, string> = {
  '': 'Home',
  'mijn-taken': 'Mijn taken',
  taak: 'Taak',
  signaal: 'Signaal',
};

/**
 * A stand-in for AFAS InSite in demo mode, so "Open" and "Open AFAS" land on a page that says
 * where a real environment would have taken the user.
 */
export function registerInsiteRoutes(server: Server): void {
  const handler = (req: Request, res: Response, next: () => void) => {
    const page = (req.path().slice(INSITE_PATH.length).replace(/^\/+|\/+$/g, '') || '').toLowerCase();
    const title = PAGES[page] ?? 'Pagina';
    const id = new URL(req.url ?? '/', 'http://insite').searchParams.get('id');
    const body = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>AFAS InSite (sandbox) - ${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:'Segoe UI',sans-serif;margin:2rem;color:#242424}h1{color:#0a5ea8}code{background:#f3f3f3;padding:0 .3em}</style></head>
<body><h1>AFAS InSite (sandbox)</h1><h2>${escapeHtml(title)}</h2>
<p>In a real AFAS environment this link opens InSite${id ? ` on item <code>${escapeHtml(id)}</code>` : ''}. Configure the link templates to match your InSite pages.</p></body></html>`;
    writeRaw(res, 200, 'text/html; charset=utf-8', body, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'X-Content-Type-Options': 'nosniff' });
    next();
  };
  server.get(INSITE_PATH, handler);
  server.get(`${INSITE_PATH}/*`, handler);
}
