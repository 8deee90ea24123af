import type { Server } from 'restify';
import { JSON_CONTENT_TYPE, writeRaw } from '../afas-reply';
import type { Mailbox } from '../mailbox';
import { renderMailboxPage } from '../mailbox-page';

export const MAILBOX_PATH = '/sandbox/mail';
export const MAILBOX_JSON_PATH = '/sandbox/mail.json';

// The page shows codes: nobody should cache it, and it needs no script or outside resource.
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
};

/** The demo mailbox: `/sandbox/mail` (HTML) and `/sandbox/mail.json`, both newest first. */
export function registerMailboxRoutes(server: Server, mailbox: Mailbox): void {
  server.get(MAILBOX_JSON_PATH, (_req, res, next) => {
    writeRaw(res, 200, JSON_CONTENT_TYPE, JSON.stringify(mailbox.messages()), PAGE_HEADERS);
    next();
  });
  server.get(MAILBOX_PATH, (_req, res, next) => {
    writeRaw(res, 200, 'text/html; charset=utf-8', renderMailboxPage(mailbox.messages()), PAGE_HEADERS);
    next();
  });
}
