import type { Request, Response, Server } from 'restify';
import { StaticAssets } from './static-assets';

/**
 * Who may frame the tab: Teams on the web, desktop and mobile (and Microsoft 365 / Outlook,
 * which host Teams apps too), and this server itself (the development host).
 */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
];

/**
 * The tab page admits only its own script and styles: even a mistake that put AFAS text into
 * markup could not run script. teams-js fetches its list of valid host origins from Microsoft's CDN.
 */
export const TAB_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export interface TabStaticOptions {
  /**
   * Serve the bundle's source maps (`*.map`): demo mode only. Elsewhere they would hand anyone
   * the readable source of the tab, and they are of no use to a user.
   */
  readonly sourceMaps?: boolean;
}

/** `/tab/` (the page; `?list=tasks|signals` picks the list) and `/tab/<asset>` from the built tab. */
export function registerTabStaticRoutes(server: Server, assetDir: string, options: TabStaticOptions = {}): void {
  const assets = new StaticAssets(assetDir, { sourceMaps: options.sourceMaps ?? false });
  // restify takes two-argument handlers only as async functions.
  const page = async (req: Request, res: Response) => assets.send(req, res, 'index.html', { 'Content-Security-Policy': TAB_CONTENT_SECURITY_POLICY, 'Referrer-Policy': 'no-referrer' });
  // The server ignores trailing slashes: this is /tab/ too.
  server.get('/tab', page);
  server.get('/tab/:asset', async (req: Request, res: Response) => (req.params.asset === 'index.html' ? page(req, res) : assets.send(req, res, String(req.params.asset))));
}
