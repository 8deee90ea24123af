import { FakeAdminApi, refusal } from './admin-fake-api';
import { connection, OWNER_ME } from './admin-fixtures';
import { startAdminTab } from './admin-dom';
import { FakeTabApi } from './fakes/fake-tab-api';

const NOT_OWNER = refusal(403, { code: 'forbidden', message: 'Only app owners can change the settings of AFAS for Teams. Ask an owner: Jan de Vries (jan.devries@horizon-groep.example).' });

describe('the admin entry', () => {
  it('shows an app owner an "Admin" entry that opens the connections', async () => {
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection()]);
    const tab = await startAdminTab(admin, { open: false });
    const entry = tab.$('.admin-entry');
    expect([entry.textContent, entry.getAttribute('aria-label')]).toEqual(['Admin', 'Administration: connections, access, app owners and audit log']);
    expect(tab.$('.tile-counts').textContent).toBe('2 open tasks, 1 new · 1 signal');
    expect(admin.methods).toEqual(['me']);

    await tab.click('.admin-entry');
    expect(tab.text('h1')).toBe('Administration');
    expect(tab.focused()).toBe('h1#admin-title');
    expect(tab.text('.admin-header .hint')).toBe('Signed in as jan.devries@horizon-groep.example, app owner for your organisation.');
    expect(tab.$$('.admin-nav button').map((b) => [b.textContent, b.getAttribute('aria-current')])).toEqual([
      ['Connections', 'true'],
      ['App owners', null],
      ['Audit log', null],
    ]);
    expect(tab.text('.admin-row-title')).toBe('Production');
    expect(tab.text('.admin-row-meta')).toBe('O12345AA');
    expect(tab.$$('.admin-row .badge').map((b) => b.textContent)).toEqual(['Default', 'Enabled', 'Keys: set']);
  });

  it('gives no entry to someone the server says is no owner (a plain answer, not a failed request)', async () => {
    const admin = new FakeAdminApi().answer('me', null);
    const tab = await startAdminTab(admin, { open: false });
    expect(tab.$$('.admin-entry')).toHaveLength(0);
    expect(admin.methods).toEqual(['me']);
  });

  it('gives someone who is not an app owner no entry at all, and asks for no admin data', async () => {
    const admin = new FakeAdminApi().answer('me', NOT_OWNER);
    const tab = await startAdminTab(admin, { open: false });
    expect(tab.$$('.admin-entry')).toHaveLength(0);
    expect(tab.text()).not.toContain('Admin');
    await tab.timers.advance(120_000);
    expect(admin.methods).toEqual(['me']);
  });

  it('also shows the entry to an owner who has not activated yet, so the connection can be set up first', async () => {
    const api = new FakeTabApi();
    api.tiles.push({ state: 'activate', reason: 'not_activated', attempt: null });
    const tab = await startAdminTab(new FakeAdminApi().answer('me', OWNER_ME), { api, open: false });
    expect(tab.$('h1').textContent).toBe('Activate AFAS for Teams');
    expect(tab.$$('.admin-entry')).toHaveLength(1);
  });

  it('keeps the admin screen while the tile would refresh, and goes back to a fresh tile with the focus on the entry', async () => {
    const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection()]);
    const tab = await startAdminTab(admin);
    expect(tab.api.calls).toEqual(['tile']);
    await tab.timers.advance(61_000);
    expect(tab.text('h1')).toBe('Administration');
    expect(tab.$$('.admin-entry')).toHaveLength(0);

    await tab.press('Back to my tasks');
    expect(tab.$('.tile-counts').textContent).toBe('2 open tasks, 1 new · 1 signal');
    expect(tab.api.calls).toEqual(['tile', 'tile']);
    expect(tab.focused()).toBe('button[admin-open]');
  });

  it('speaks Dutch when Teams does', async () => {
    const tab = await startAdminTab(new FakeAdminApi().answer('me', OWNER_ME).answer('connections', [connection({ isDefault: false, secrets: { apiKeySet: false, environmentKeySet: false } })]), { locale: 'nl-NL' });
    expect(tab.text('h1')).toBe('Beheer');
    expect(tab.$$('.admin-row .badge').map((b) => b.textContent)).toEqual(['Aan', 'Sleutels: niet ingesteld']);
    expect(tab.$$('.admin-row button').map((b) => b.textContent)).toEqual(['Wijzigen', 'Koppeling testen', 'Standaard maken', 'Toegang', 'Verwijderen']);
  });
});
