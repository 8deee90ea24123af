import { ActivityTypes } from 'botbuilder';
import { actions, topLevelActionTitles, visibleText } from '../support/card-inspection';
import { linkTarget } from '../support/open-links';
import { INSITE, BotHarness, type TestUser } from '../support/bot-harness';
import { activateByChat, afasRequests, invokeResponseOf, JAN, onlyCard, PIETER } from '../support/transcript';

/** The AFAS ids behind the "Open" buttons of a list card, in the order shown. */
function openedIds(card: unknown): string[] {
  return actions(card)
    .map((a) => (a.type === 'Action.OpenUrl' && a.url ? linkTarget(a.url) : ''))
    .filter((url) => url.startsWith(`${INSITE}/taak?id=`))
    .map((url) => decodeURIComponent(url.slice(`${INSITE}/taak?id=`.length)));
}

function pageButtons(card: unknown): [string | undefined, unknown][] {
  // Without the list's version (`v`), which stale-cards.test.ts covers.
  return actions(card).filter((a) => a.verb === 'list.page').map((a) => [a.title, { ...(a.data as Record<string, unknown>), v: undefined }]);
}

const STALE = 'This button belongs to an older card. Type "help" to see what you can do.';

describe('paging and refreshing lists', () => {
  let h: BotHarness;
  let pieter: TestUser;

  beforeAll(async () => {
    h = await BotHarness.start();
    pieter = h.user(h.newBot(), { aadObjectId: 'aad-pieter', name: 'Pieter Visser' });
    await activateByChat(h, pieter, PIETER);
  });
  afterAll(() => h.close());

  async function pietersTaskIds(): Promise<string[]> {
    return (await h.services.listWorkItems.execute(pieter.key, 'task')).items.map((i) => i.id);
  }

  it('page 2 of 130 tasks shows items 11 to 20, with Previous and Next', async () => {
    const card = onlyCard(await pieter.click('list.page', { kind: 'task', page: 2 }));
    expect(visibleText(card)).toMatch(/^My tasks\n130 open tasks.*\nPage 2 of 13\n/);
    expect(openedIds(card)).toEqual((await pietersTaskIds()).slice(10, 20));
    expect(pageButtons(card)).toEqual([
      ['Previous', { kind: 'task', page: 1 }],
      ['Next', { kind: 'task', page: 3 }],
    ]);
  });

  it('the first page has Next only, the last page Previous only', async () => {
    const ids = await pietersTaskIds();
    const first = onlyCard(await pieter.say('my tasks'));
    expect(openedIds(first)).toEqual(ids.slice(0, 10));
    expect(pageButtons(first)).toEqual([['Next', { kind: 'task', page: 2 }]]);

    const last = onlyCard(await pieter.click('list.page', { kind: 'task', page: 13 }));
    expect(visibleText(last)).toContain('Page 13 of 13');
    expect(openedIds(last)).toEqual(ids.slice(120, 130));
    expect(pageButtons(last)).toEqual([['Previous', { kind: 'task', page: 12 }]]);
  });

  it('a page past the end shows the last page', async () => {
    expect(visibleText(onlyCard(await pieter.click('list.page', { kind: 'task', page: 99 })))).toContain('Page 13 of 13');
  });

  it('pages in Dutch for a Dutch client', async () => {
    const dutch = h.user(h.newBot(), { aadObjectId: 'aad-pieter', locale: 'nl-NL' });
    const card = onlyCard(await dutch.click('list.page', { kind: 'task', page: 2 }));
    expect(visibleText(card)).toMatch(/^Mijn taken\n130 openstaande taken.*\nPagina 2 van 13\n/);
    expect(pageButtons(card).map(([title]) => title)).toEqual(['Vorige', 'Volgende']);
  });

  it('refresh answers with the list as the replacement card and sends no new message', async () => {
    const replies = await pieter.click('list.refresh', { kind: 'task', page: 3 });
    expect(replies.filter((r) => r.type === ActivityTypes.Message)).toHaveLength(0);
    expect(invokeResponseOf(replies).body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(visibleText(onlyCard(replies))).toContain('Page 3 of 13');
  });

  it('refresh shows what changed in AFAS since the card was sent', async () => {
    const jan = h.user(h.newBot());
    await activateByChat(h, jan, JAN);
    expect(visibleText(onlyCard(await jan.click('list.refresh', { kind: 'task', page: 1 })))).toContain('9 open tasks');
    h.sandbox.addTask(JAN, { description: 'Inkooporder 4711 goedkeuren' });
    const card = onlyCard(await jan.click('list.refresh', { kind: 'task', page: 1 }));
    expect(visibleText(card)).toContain('10 open tasks');
    expect(visibleText(card)).toContain('Inkooporder 4711 goedkeuren');
  });

  it('signals page and refresh the same way', async () => {
    const card = onlyCard(await pieter.click('list.refresh', { kind: 'signal', page: 1 }));
    expect(visibleText(card)).toMatch(/^My signals\n8 signals/);
  });

  it('summary refresh replaces the summary card with fresh counts', async () => {
    const replies = await pieter.click('summary.refresh');
    expect(replies.filter((r) => r.type === ActivityTypes.Message)).toHaveLength(0);
    const text = visibleText(onlyCard(replies));
    expect(text.split('\n')[0]).toBe('Your AFAS summary');
    expect(text).toContain('130 open tasks');
    expect(text).toContain('8 signals');
  });

  it('"All tasks" on the summary turns it into the first page of the list', async () => {
    const summary = onlyCard(await pieter.say('summary'));
    const allTasks = actions(summary).find((a) => a.title === 'All tasks')!;
    const card = onlyCard(await pieter.click(allTasks.verb!, allTasks.data as Record<string, unknown>));
    expect(visibleText(card)).toMatch(/^My tasks\n130 open tasks.*\nPage 1 of 13/);
    expect(topLevelActionTitles(card)).toContain('Next');
  });

  it('a list opened from the summary has Back, kept while paging, which returns to the summary', async () => {
    const summary = onlyCard(await pieter.say('summary'));
    const allTasks = actions(summary).find((a) => a.title === 'All tasks')!;
    const first = onlyCard(await pieter.click(allTasks.verb!, allTasks.data as Record<string, unknown>));
    expect(topLevelActionTitles(first)).toEqual(['Back', 'Next', 'Refresh', 'Open AFAS']);
    const next = actions(first).find((a) => a.title === 'Next')!;
    const second = onlyCard(await pieter.click(next.verb!, next.data as Record<string, unknown>));
    expect(visibleText(second)).toContain('Page 2 of 13');
    const back = actions(second).find((a) => a.title === 'Back')!;
    expect(visibleText(onlyCard(await pieter.click(back.verb!, back.data as Record<string, unknown>))).split('\n')[0]).toBe('Your AFAS summary');
    expect(topLevelActionTitles(onlyCard(await pieter.say('my tasks')))).not.toContain('Back');
  });
});

describe('command buttons (help, welcome, after activation, on notifications)', () => {
  let h: BotHarness;
  let jan: TestUser;

  beforeAll(async () => {
    h = await BotHarness.start();
    jan = h.user(h.newBot());
    await activateByChat(h, jan, JAN);
  });
  afterAll(() => h.close());

  it('"My tasks" on the help card sends the list as a new message and leaves the help card as it is', async () => {
    const help = onlyCard(await jan.say('help'));
    const button = actions(help).find((a) => a.title === 'My tasks')!;
    const replies = await jan.click(button.verb!, button.data as Record<string, unknown>);
    expect(invokeResponseOf(replies).body.type).toBe('application/vnd.microsoft.activity.message');
    const messages = replies.filter((r) => r.type === ActivityTypes.Message);
    expect(messages).toHaveLength(1);
    expect(visibleText(onlyCard(messages))).toMatch(/^My tasks\n9 open tasks/);
  });

  it('"What can I do?" on the welcome card answers with the help card', async () => {
    const replies = await jan.click('command.run', { command: 'help' });
    expect(visibleText(onlyCard(replies.filter((r) => r.type === ActivityTypes.Message)))).toMatch(/^What you can ask me/);
  });

  it('a command that is not a button command gets the friendly stale-card answer', async () => {
    const replies = await jan.click('command.run', { command: 'deactivate' });
    expect(visibleText(onlyCard(replies))).toBe(STALE);
  });
});

describe('card actions that make no sense', () => {
  let h: BotHarness;
  let jan: TestUser;

  beforeAll(async () => {
    h = await BotHarness.start();
    jan = h.user(h.newBot());
    await activateByChat(h, jan, JAN);
  });
  afterAll(() => h.close());

  it.each<[string, string, Record<string, unknown>]>([
    ['a negative page', 'list.page', { kind: 'task', page: -1 }],
    ['page zero', 'list.page', { kind: 'task', page: 0 }],
    ['a page that is text', 'list.page', { kind: 'task', page: 'two' }],
    ['a fractional page', 'list.refresh', { kind: 'task', page: 1.5 }],
    ['an absurd page', 'list.page', { kind: 'task', page: 1e9 }],
    ['an unknown kind', 'list.page', { kind: 'x', page: 1 }],
    ['no data at all', 'list.refresh', {}],
  ])('%s gets a friendly card, not an exception, and AFAS is not asked', async (_what, verb, data) => {
    const before = afasRequests(h, 'connectors');
    expect(before).toBeGreaterThan(0);
    const replies = await jan.click(verb, data);
    expect(invokeResponseOf(replies).status).toBe(200);
    expect(visibleText(onlyCard(replies))).toBe(STALE);
    expect(afasRequests(h, 'connectors')).toBe(before);
  });

  it.each(['tasks.delete', 'list.Page', ''])('an unknown verb ("%s") gets the same friendly card', async (verb) => {
    const replies = await jan.click(verb, { kind: 'task', page: 1 });
    expect(invokeResponseOf(replies).status).toBe(200);
    expect(visibleText(onlyCard(replies))).toBe(STALE);
  });

  it('a card action invoke that carries no action gets the friendly card, not an exception', async () => {
    const replies = await jan.send({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: {} });
    expect(invokeResponseOf(replies).status).toBe(200);
    expect(visibleText(onlyCard(replies))).toBe(STALE);
  });

  it('says it in Dutch to a Dutch client', async () => {
    const dutch = h.user(h.newBot(), { locale: 'nl-NL' });
    expect(visibleText(onlyCard(await dutch.click('list.page', { kind: 'x', page: 1 })))).toBe(
      'Deze knop hoort bij een oudere kaart. Typ "help" om te zien wat je kunt doen.',
    );
  });

  it('a list button of a user who is no longer activated offers activation', async () => {
    const stranger = h.user(h.newBot(), { aadObjectId: 'aad-stranger' });
    const card = onlyCard(await stranger.click('list.page', { kind: 'task', page: 2 }));
    expect(visibleText(card)).toMatch(/^Link your AFAS user first/);
    expect(actions(card).map((a) => a.verb)).toEqual(['activation.start']);
  });
});
