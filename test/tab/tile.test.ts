import { FakeTabApi, problem } from './fakes/fake-tab-api';
import { FakeTabHost } from './fakes/fake-tab-host';
import { settle } from './fakes/fake-timers';
import { INSITE, item, tile } from './fixtures';
import { startTab } from './tab-dom';

function apiWith(...tiles: ReturnType<typeof tile>[]): FakeTabApi {
  const api = new FakeTabApi();
  api.tiles.push(...tiles);
  return api;
}

describe('the live tile', () => {
  it('shows a loading skeleton until the server answers, then the counts and the first list', async () => {
    const api = apiWith(tile());
    api.holdTiles = true;
    const tab = await startTab({ api, start: false });
    const started = tab.app.start();
    await settle();
    expect(tab.$('.skeleton').getAttribute('role')).toBe('status');
    expect(tab.text()).toBe('Loading your tasks and signals…');
    expect(tab.root.getAttribute('aria-busy')).toBe('true');
    api.release();
    await started;
    expect(tab.root.getAttribute('aria-busy')).toBe('false');
    expect(tab.$('.tile-counts').textContent).toBe('2 open tasks, 1 new · 1 signal');
    expect(tab.$$('[role="tab"]').map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['My tasks (2)', 'true'],
      ['My signals (1)', 'false'],
    ]);
    expect(tab.$$('.item-title').map((t) => t.textContent)).toEqual(['Declaratie goedkeuren', 'Leaseauto uitgeven']);
    expect(tab.host.ready).toBe(1);
  });

  it('shows who an item is from, its date (the time when it is today) and an unread dot with a spoken "New"', async () => {
    const tab = await startTab({ api: apiWith(tile()) });
    const [today, older] = tab.$$('.item');
    expect(today.querySelector('.item-meta')?.textContent).toBe('from Fleur Bakker · 08:30');
    expect(today.querySelector('.dot-unread')).not.toBeNull();
    expect(today.querySelector('.sr-only')?.textContent).toBe(', New');
    expect(today.classList.contains('item-unread')).toBe(true);
    expect(older.querySelector('.item-meta')?.textContent).toBe('from Sanne Jansen · 27 Feb 2026');
    expect(older.querySelector('.dot-unread')).toBeNull();
  });

  it('renders AFAS text as text: a title full of markup stays a title', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const tab = await startTab({ api: apiWith(tile({ tasks: { ok: true, items: [item({ title: hostile, from: '<b>Mallory</b>' })], total: 1, unread: 0 } })) });
    expect(tab.$('.item-title').textContent).toBe(hostile);
    expect(tab.$('.item-meta').textContent).toBe('from <b>Mallory</b> · 08:30');
    expect(tab.root.querySelector('img')).toBeNull();
    expect(tab.root.querySelector('b')).toBeNull();
  });

  it('opens an item through the Teams host, never as a javascript: link', async () => {
    const tab = await startTab({
      api: apiWith(tile({ tasks: { ok: true, items: [item({ id: 'ok' }), item({ id: 'evil', url: 'javascript:alert(1)' })], total: 2, unread: 0 } })),
    });
    const links = tab.$$('a.item');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe(`${INSITE}/taak?id=a1`);
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer');
    await tab.click('a.item');
    expect(tab.host.opened).toEqual([`${INSITE}/taak?id=a1`]);
    expect(tab.$$('.item')).toHaveLength(2);
    await tab.click('[data-focus-key="open-afas"]');
    expect(tab.host.opened).toEqual([`${INSITE}/taak?id=a1`, INSITE]);
  });

  it('shows an opened item as read at once and tells the server, which remembers it', async () => {
    const api = apiWith(tile());
    const tab = await startTab({ api });
    expect(tab.$('.tile-counts').textContent).toBe('2 open tasks, 1 new · 1 signal');
    expect(tab.$$('.dot-unread')).toHaveLength(1);
    await tab.click('a.item-unread');
    expect(tab.host.opened).toEqual([`${INSITE}/taak?id=a1`]);
    expect(api.calls).toContain('markOpened task t1');
    expect(tab.$$('.dot-unread')).toHaveLength(0);
    expect(tab.$('.tile-counts').textContent).toBe('2 open tasks · 1 signal');
  });

  it('switches lists with a click and with the arrow keys, keeping keyboard focus on the tabs', async () => {
    const tab = await startTab({ api: apiWith(tile()) });
    await tab.click('#afas-list-tab-signal');
    expect(tab.$('[aria-selected="true"]').textContent).toBe('My signals (1)');
    expect(tab.$$('.item-title').map((t) => t.textContent)).toEqual(['Jubileum Mohamed']);
    expect(tab.$('[role="tabpanel"]').getAttribute('aria-labelledby')).toBe('afas-list-tab-signal');
    tab.$('#afas-list-tab-signal').focus();
    await tab.key('#afas-list-tab-signal', 'ArrowRight');
    expect(tab.$('[aria-selected="true"]').id).toBe('afas-list-tab-task');
    expect(tab.doc.activeElement?.id).toBe('afas-list-tab-task');
    expect(tab.$('#afas-list-tab-task').getAttribute('tabindex')).toBe('0');
    expect(tab.$('#afas-list-tab-signal').getAttribute('tabindex')).toBe('-1');
    await tab.key('#afas-list-tab-task', 'End');
    expect(tab.doc.activeElement?.id).toBe('afas-list-tab-signal');
  });

  it('opens on the list the static tab asks for, else on the user\'s first list', async () => {
    expect((await startTab({ api: apiWith(tile()), requestedList: 'signal' })).$('[aria-selected="true"]').id).toBe('afas-list-tab-signal');
    const preferred = await startTab({ api: apiWith(tile({ firstList: 'signal' })) });
    expect(preferred.$('[aria-selected="true"]').id).toBe('afas-list-tab-signal');
    expect(preferred.$$('[role="tab"]').map((t) => t.id)).toEqual(['afas-list-tab-signal', 'afas-list-tab-task']);
  });

  it('saves "Show this list first" and puts the lists in that order; puts it back when saving fails', async () => {
    const api = apiWith(tile());
    api.firstLists.push({ firstList: 'signal' }, problem(0, { code: 'network' }));
    const tab = await startTab({ api });
    await tab.click('#afas-list-tab-signal');
    const box = tab.$('.first-list input') as HTMLInputElement;
    expect(box.checked).toBe(false);
    await tab.click('.first-list input');
    expect(api.calls).toContain('setFirstList signal');
    expect(tab.$$('[role="tab"]').map((t) => t.id)).toEqual(['afas-list-tab-signal', 'afas-list-tab-task']);
    expect((tab.$('.first-list input') as HTMLInputElement).checked).toBe(true);
    await tab.click('.first-list input');
    expect(api.calls).toContain('setFirstList task');
    expect((tab.$('.first-list input') as HTMLInputElement).checked).toBe(true);
    expect(tab.text()).toContain('AFAS for Teams cannot be reached.');
  });

  it('says when a list is empty', async () => {
    const tab = await startTab({ api: apiWith(tile({ tasks: { ok: true, items: [], total: 0, unread: 0 } })) });
    expect(tab.$('.empty').textContent).toBe('No open tasks: nothing is waiting for you.');
    expect(tab.$('.tile-counts').textContent).toBe('0 open tasks · 1 signal');
  });

  it('shows 100 items of a long list and the rest with "Show more", focusing the first new one', async () => {
    const items = Array.from({ length: 130 }, (_, n) => item({ id: `t${n + 1}`, title: `Taak ${n + 1}` }));
    const tab = await startTab({ api: apiWith(tile({ tasks: { ok: true, items, total: 130, unread: 0 } })) });
    expect(tab.$$('.item-title')).toHaveLength(100);
    expect(tab.$('.show-more').textContent).toBe('Show 30 more');
    await tab.click('.show-more');
    expect(tab.$$('.item-title')).toHaveLength(130);
    expect(tab.root.querySelector('.show-more')).toBeNull();
    expect(tab.doc.activeElement?.textContent).toContain('Taak 101');
    expect(tab.root.querySelector('.more')).toBeNull();
  });

  it('says how many more items AFAS InSite holds when the list is longer than the server sends, as a link there', async () => {
    const tab = await startTab({ api: apiWith(tile({ tasks: { ok: true, items: [item()], total: 130, unread: 0 } })) });
    expect(tab.$('.more').textContent).toBe('and 129 more — open AFAS InSite to see them all');
    expect(tab.$('.more a').getAttribute('href')).toBe(INSITE);
    expect(tab.$('[aria-selected="true"]').textContent).toBe('My tasks (130)');
  });

  it('explains a list AFAS could not give in plain words, next to the other list, with a retry', async () => {
    const api = apiWith(tile({ signals: { ok: false, failure: { kind: 'maintenance', until: '2026-03-02T10:00:00.000Z' } } }), tile());
    const tab = await startTab({ api });
    expect(tab.$('.tile-counts').textContent).toBe('2 open tasks, 1 new');
    await tab.click('#afas-list-tab-signal');
    expect(tab.$('[aria-selected="true"]').textContent).toBe('My signals');
    expect(tab.$('.list-panel').textContent).toContain('AFAS is down for maintenance until about 11:00. Please try again after that.');
    await tab.click('[data-focus-key="retry"]');
    expect(tab.$$('.item-title').map((t) => t.textContent)).toEqual(['Jubileum Mohamed']);
  });

  it('speaks Dutch when Teams does, or when the user chose Dutch', async () => {
    const dutchTeams = await startTab({ api: apiWith(tile()), host: new FakeTabHost({ locale: 'nl-NL', theme: 'default', loginHint: null }) });
    expect(dutchTeams.$$('[role="tab"]').map((t) => t.textContent)).toEqual(['Mijn taken (2)', 'Mijn signalen (1)']);
    expect(dutchTeams.$('.tile-counts').textContent).toBe('2 openstaande taken, 1 nieuw · 1 signaal');
    expect(dutchTeams.doc.documentElement.lang).toBe('nl');
    const chosen = await startTab({ api: apiWith(tile({ language: 'nl' })) });
    expect(chosen.$('[data-focus-key="open-afas"]').textContent).toBe('Openen in AFAS');
  });

  it('follows the Teams theme, also when it changes', async () => {
    const tab = await startTab({ api: apiWith(tile()), host: new FakeTabHost({ locale: 'en-GB', theme: 'dark', loginHint: null }) });
    expect(tab.doc.documentElement.getAttribute('data-theme')).toBe('dark');
    tab.host.changeTheme('contrast');
    expect(tab.doc.documentElement.getAttribute('data-theme')).toBe('contrast');
    tab.host.changeTheme('default');
    expect(tab.doc.documentElement.getAttribute('data-theme')).toBe('default');
  });

  it('labels what a screen reader needs: the tab list, the refresh button, the status line', async () => {
    const tab = await startTab({ api: apiWith(tile()) });
    expect(tab.$('[role="tablist"]').getAttribute('aria-label')).toBe('Your AFAS lists');
    expect(tab.$('[data-focus-key="refresh"]').getAttribute('aria-label')).toBe('Refresh tasks and signals');
    expect(tab.$('.status').textContent).toBe('Updated at 09:00:00');
    for (const button of tab.$$('button')) expect(button.getAttribute('type')).toBe('button');
  });
});

describe('when the tile cannot be shown', () => {
  it('outside Teams, says to open it from Teams', async () => {
    const tab = await startTab({ api: new FakeTabApi(), host: new FakeTabHost(new Error('not inside a Teams host')) });
    expect(tab.text()).toBe('This page is the AFAS for Teams tab. Open it from Microsoft Teams.');
    expect(tab.api.calls).toEqual([]);
  });

  it('when Teams sign-in fails, says so and retries on request', async () => {
    const api = apiWith(tile());
    api.tiles.unshift(problem(401, { code: 'unauthorized' }) as never);
    const tab = await startTab({ api });
    expect(tab.$('[role="alert"]').textContent).toContain('Teams could not sign you in to AFAS for Teams.');
    await tab.click('[data-focus-key="retry"]');
    expect(tab.$('.tile-counts').textContent).toBe('2 open tasks, 1 new · 1 signal');
  });

  it('when the server cannot be reached, says to check the connection', async () => {
    const api = new FakeTabApi();
    api.tiles.push(problem(0, { code: 'network' }) as never);
    const tab = await startTab({ api });
    expect(tab.text()).toContain('AFAS for Teams cannot be reached. Check your connection and try again.');
    expect(tab.text()).toContain('Try again');
  });

  it('when the organisation has no AFAS connection, says who can fix it', async () => {
    const tab = await startTab({ api: apiWith({ state: 'unavailable', failure: { kind: 'noAccess' } }) });
    expect(tab.$('h2').textContent).toBe('AFAS for Teams is not available to you yet');
    expect(tab.$('.panel-text').textContent).toBe('Your organisation has not connected AFAS for Teams to an AFAS environment for you. Ask your administrator to set it up.');
  });
});

describe('when the organisation admits only listed people', () => {
  it('says so and names the app owners to ask', async () => {
    const tab = await startTab({ api: apiWith({ state: 'unavailable', failure: { kind: 'accessDenied', owners: ['Olga Owner (olga@contoso.nl)'] } }) });
    expect(tab.$('h2').textContent).toBe('You do not have access to AFAS for Teams');
    expect(tab.$('.panel-text').textContent).toBe('Your organisation lets only listed people use AFAS for Teams. Ask an app owner to add you: Olga Owner (olga@contoso.nl).');
  });

  it('without owners, points to the administrator', async () => {
    const tab = await startTab({ api: apiWith({ state: 'unavailable', failure: { kind: 'accessDenied', owners: [] } }) });
    expect(tab.$('.panel-text').textContent).toBe('Your organisation lets only listed people use AFAS for Teams. Ask your administrator to add you.');
  });
});
