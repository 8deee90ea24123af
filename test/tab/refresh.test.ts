import { FakeTabApi, problem } from './fakes/fake-tab-api';
import { item, tile } from './fixtures';
import { startTab } from './tab-dom';

const tileCalls = (api: FakeTabApi) => api.calls.filter((c) => c === 'tile').length;

describe('keeping the tile fresh', () => {
  it('refreshes every 60 seconds while the tab is visible', async () => {
    const api = new FakeTabApi();
    api.tiles.push(tile());
    const tab = await startTab({ api });
    expect(tileCalls(api)).toBe(1);
    await tab.timers.advance(59_000);
    expect(tileCalls(api)).toBe(1);
    await tab.timers.advance(1_000);
    expect(tileCalls(api)).toBe(2);
    await tab.timers.advance(60_000);
    expect(tileCalls(api)).toBe(3);
  });

  it('pauses while hidden and catches up at once when shown again', async () => {
    const api = new FakeTabApi();
    api.tiles.push(tile());
    const tab = await startTab({ api });
    await tab.setVisible(false);
    await tab.timers.advance(10 * 60_000);
    expect(tileCalls(api)).toBe(1);
    await tab.setVisible(true);
    await tab.timers.advance(0);
    expect(tileCalls(api)).toBe(2);
  });

  it('does not refresh on coming back when the last refresh is recent', async () => {
    const api = new FakeTabApi();
    api.tiles.push(tile());
    const tab = await startTab({ api });
    await tab.timers.advance(20_000);
    await tab.setVisible(false);
    await tab.setVisible(true);
    await tab.timers.advance(0);
    expect(tileCalls(api)).toBe(1);
    await tab.timers.advance(40_000);
    expect(tileCalls(api)).toBe(2);
  });

  it('refreshes when the window gets focus, unless it just did', async () => {
    const api = new FakeTabApi();
    api.tiles.push(tile());
    const tab = await startTab({ api });
    await tab.focusWindow();
    await tab.timers.advance(0);
    expect(tileCalls(api)).toBe(1);
    await tab.timers.advance(15_000);
    await tab.focusWindow();
    await tab.timers.advance(0);
    expect(tileCalls(api)).toBe(2);
    await tab.timers.advance(59_000);
    expect(tileCalls(api)).toBe(2);
  });

  it('refreshes on the button, keeps the list on screen meanwhile, and shows the new items', async () => {
    const api = new FakeTabApi();
    api.tiles.push(tile(), tile({ tasks: { ok: true, items: [item({ id: 'new', title: 'Nieuwe taak', unread: true })], total: 1, unread: 1 } }));
    const tab = await startTab({ api });
    api.holdTiles = true;
    tab.$('[data-focus-key="refresh"]').focus();
    await tab.click('[data-focus-key="refresh"]');
    expect(tab.$('.status').textContent).toBe('Refreshing…');
    expect(tab.$('.list-panel').getAttribute('aria-busy')).toBe('true');
    expect(tab.$$('.item-title')).toHaveLength(2);
    await tab.click('[data-focus-key="refresh"]');
    api.release();
    await tab.timers.advance(0);
    expect(tileCalls(api)).toBe(2);
    expect(tab.$$('.item-title').map((t) => t.textContent)).toEqual(['Nieuwe taak']);
    expect(tab.doc.activeElement?.getAttribute('data-focus-key')).toBe('refresh');
  });

  it('a refresh that finds nothing new within the same minute still shows that it refreshed', async () => {
    const api = new FakeTabApi();
    api.tiles.push(tile(), tile());
    const tab = await startTab({ api });
    const before = tab.$('.status').textContent;
    await tab.timers.advance(20_000);
    await tab.click('[data-focus-key="refresh"]');
    await tab.timers.advance(0);
    expect(tileCalls(api)).toBe(2);
    expect(before).toBe('Updated at 09:00:00');
    expect(tab.$('.status').textContent).toBe('Updated at 09:00:20');
  });

  it('keeps the last tile when a refresh fails, with a note that says why', async () => {
    const api = new FakeTabApi();
    api.tiles.push(tile(), problem(0, { code: 'network' }), tile());
    const tab = await startTab({ api });
    await tab.timers.advance(60_000);
    expect(tab.$$('.item-title')).toHaveLength(2);
    expect(tab.$('.panel-warning').textContent).toContain('AFAS for Teams cannot be reached.');
    await tab.timers.advance(60_000);
    expect(tab.root.querySelector('.panel-warning')).toBeNull();
  });

  it('never refreshes over the activation form', async () => {
    const api = new FakeTabApi();
    api.tiles.push({ state: 'activate', reason: 'not_activated', attempt: null });
    const tab = await startTab({ api });
    tab.type('#afas-user-id', 'typed by hand');
    await tab.timers.advance(5 * 60_000);
    await tab.focusWindow();
    await tab.timers.advance(0);
    expect(tileCalls(api)).toBe(1);
    expect((tab.$('#afas-user-id') as HTMLInputElement).value).toBe('typed by hand');
  });

  it('switches to activation when AFAS stops accepting the user during a refresh', async () => {
    const api = new FakeTabApi();
    api.tiles.push(tile(), { state: 'activate', reason: 'expired', attempt: null });
    const tab = await startTab({ api });
    await tab.timers.advance(60_000);
    expect(tab.text()).toContain('Your activation has expired or was revoked in AFAS.');
  });
});
