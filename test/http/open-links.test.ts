import { join } from 'node:path';
import { composeOpenTracking } from '../../src/composition/open-tracking';
import { loadOrCreateKeyFile } from '../../src/secrets/encryption-key';
import { SystemClock } from '../../src/clock/system-clock';
import { OpenedItems } from '../../src/use-cases/opened-items';
import type { OpenTracking } from '../../src/use-cases/open-tracking';
import { linkToken } from '../support/open-links';
import { workItem } from '../support/work-items';
import { startTabApp, type TabApp } from '../support/tab-harness';

const JAN = { tenantId: 'tenant-contoso', aadObjectId: 'aad-jan' };
const ITEM = workItem({ id: 'task-1', unread: true });
const AFAS_URL = 'https://12345.afasinsite.nl/taak?id=task-1';

/** GET /open/<token>: the server end of a card's tracked "Open" link. */
describe('tracked open links', () => {
  let app: TabApp;
  let tracking: OpenTracking;

  beforeAll(async () => {
    app = await startTabApp();
    // As the bot makes them: the same key (the data directory's) and store as the server.
    tracking = composeOpenTracking({ encryptionKey: loadOrCreateKeyFile(join(app.config.dataDir, 'encryption.key')), publicUrl: app.origin, opened: new OpenedItems({ state: app.storage.state, clock: new SystemClock() }) });
  });
  afterAll(() => app?.stop());

  const opened = () => new OpenedItems({ state: app.storage.state, clock: new SystemClock() }).applyTo(JAN, [ITEM]);
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.origin}${path}`, { redirect: 'manual', headers });

  it('redirects to the item in AFAS and remembers that the user opened it', async () => {
    expect((await opened())[0].unread).toBe(true);
    const link = tracking.linkFor(JAN, ITEM, AFAS_URL);
    expect(link.startsWith(`${app.origin}/open/`)).toBe(true);
    const response = await get(new URL(link).pathname);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(AFAS_URL);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await opened())[0].unread).toBe(false);
  });

  it('refuses a link whose address was changed, with a page in the browser\'s language and no redirect', async () => {
    const token = linkToken(tracking.linkFor(JAN, workItem({ id: 'task-2', unread: true }), AFAS_URL));
    const [payload, signature] = token.split('.');
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, string>;
    const forged = Buffer.from(JSON.stringify({ ...claim, u: 'https://evil.example/' })).toString('base64url');
    const response = await get(`/open/${forged}.${signature}`, { 'Accept-Language': 'nl-NL,nl;q=0.9' });
    expect(response.status).toBe(404);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await response.text()).toContain('Deze link van AFAS for Teams is niet (meer) geldig.');
    const state = new OpenedItems({ state: app.storage.state, clock: new SystemClock() });
    expect((await state.applyTo(JAN, [workItem({ id: 'task-2', unread: true })]))[0].unread).toBe(true);
  });
});
