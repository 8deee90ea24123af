import { DEFAULT_CONNECTION_ID } from '../../src/use-cases/register-default-connection';
import { startTabApp, type TabApp } from '../support/tab-harness';

const TENANT = 'a5a5a5a5-0000-4000-8000-000000000001';
const OWNER = { tenantId: TENANT, upn: 'olga.owner@horizon-groep.example', aadObjectId: null, displayName: 'Olga Owner', source: 'added' as const, addedBy: 'cli:root', addedAt: new Date('2026-03-01T00:00:00Z') };

/** The organisation's access list applies to the tab exactly as to the bot. */
describe('the tab API and the access list', () => {
  let app: TabApp;
  beforeAll(async () => {
    // An owner of our own: without APP_OWNERS demo mode makes Jan (person 0) the owner, and an owner may always use the app.
    app = await startTabApp({ env: { APP_OWNERS: 'someone.else@operator.example' } });
    await app.storage.owners.add(OWNER);
    // Listed: Fleur, by UPN (development tokens carry it). Jan is not listed.
    await app.storage.accessRules.save({ tenantId: TENANT, connectionId: DEFAULT_CONNECTION_ID, mode: 'listed', entries: [{ upn: 'fleur.bakker@horizon-groep.example', aadObjectId: null }], updatedBy: OWNER.upn, updatedAt: new Date() });
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function tokenFor(person: number): Promise<string> {
    const response = await fetch(`${app.origin}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person }) });
    return ((await response.json()) as { token: string }).token;
  }

  it('shows an unlisted user whom to ask, and lets them start nothing', async () => {
    const jan = await tokenFor(0);
    const tile = await fetch(`${app.origin}/api/tab/tile`, { headers: { Authorization: `Bearer ${jan}` } });
    expect(await tile.json()).toEqual({ state: 'unavailable', failure: { kind: 'accessDenied', owners: ['Olga Owner (olga.owner@horizon-groep.example)'] } });
    const request = await fetch(`${app.origin}/api/tab/activation/request`, { method: 'POST', headers: { Authorization: `Bearer ${jan}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ afasUserId: 'jan.devries@horizon-groep.example' }) });
    expect(request.status).toBe(403);
    expect(((await request.json()) as { code: string }).code).toBe('access_denied');
    expect(app.sandbox.mailbox.messages()).toEqual([]);
  });

  it('lets a listed user in', async () => {
    const fleur = await tokenFor(1);
    const tile = await fetch(`${app.origin}/api/tab/tile`, { headers: { Authorization: `Bearer ${fleur}` } });
    expect(await tile.json()).toEqual({ state: 'activate', reason: 'not_activated', attempt: null });
  });
});
