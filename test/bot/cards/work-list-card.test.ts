import { CARD_PAYLOAD_BUDGET_BYTES, cardPayloadBytes } from '../../../bot/cards/card-size';
import { buildWorkListCard, type WorkListCardInput } from '../../../bot/cards/work-list-card';
import type { Language } from '../../../src/domain/user-preferences';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { actions, nodesOfType, topLevelActionTitles, visibleLines, visibleText } from '../../support/card-inspection';
import { numberedItems, workItem } from '../../support/work-items';

const NOW = new Date('2024-07-01T08:00:00Z');
const INSITE = 'https://12345.afasinsite.nl';
const TAB = 'https://teams.microsoft.com/l/entity/app-id/tasks';

function input(overrides: Partial<WorkListCardInput> = {}): WorkListCardInput {
  return {
    lang: 'en',
    kind: 'task',
    items: numberedItems(7),
    page: 1,
    itemUrl: (item) => `${INSITE}/taken?guid=${item.id}`,
    insiteUrl: INSITE,
    tabUrl: TAB,
    now: NOW,
    ...overrides,
  };
}

const itemTitles = (card: unknown) => visibleLines(card).filter((l) => /Task \d+$/.test(l)).map((l) => l.replace(/^New · /, ''));

describe.each<Language>(['en', 'nl'])('the work list card (%s)', (lang) => {
  it.each([
    ['tasks', input({ lang })],
    ['signals', input({ lang, kind: 'signal', items: numberedItems(3, { kind: 'signal' }) })],
    ['an empty task list', input({ lang, items: [] })],
    ['an empty signal list', input({ lang, kind: 'signal', items: [] })],
    ['page 2 of 23 items', input({ lang, items: numberedItems(23), page: 2 })],
    ['items without sender, date or type', input({ lang, items: [workItem({ from: null, date: null, type: null, unread: true })] })],
  ])('is a valid Teams card for %s', (_name, cardInput) => {
    expectValidCard(buildWorkListCard(cardInput));
  });
});

describe('the work list header', () => {
  it('counts open tasks and new ones: "7 open tasks, 3 new"', () => {
    expect(visibleText(buildWorkListCard(input()))).toContain('7 open tasks, 3 new');
  });

  it('reads "7 openstaande taken, 3 nieuw" in Dutch', () => {
    expect(visibleText(buildWorkListCard(input({ lang: 'nl' })))).toContain('7 openstaande taken, 3 nieuw');
  });

  it('leaves out "0 new" and uses the singular for one task', () => {
    const text = visibleText(buildWorkListCard(input({ items: [workItem()] })));
    expect(text).toContain('1 open task');
    expect(text).not.toContain('new');
  });

  it('takes the counts from the caller when AFAS holds more than the card was given', () => {
    expect(visibleText(buildWorkListCard(input({ items: numberedItems(5), totalCount: 76, newCount: 9 })))).toContain('76 open tasks, 9 new');
  });
});

describe('paging', () => {
  it('shows items 11-20 on page 2 of 23, with Previous and Next', () => {
    const card = buildWorkListCard(input({ items: numberedItems(23), page: 2 }));
    expect(itemTitles(card)).toEqual(Array.from({ length: 10 }, (_, i) => `Task ${i + 11}`));
    const pageActions = actions(card).filter((a) => a.verb === 'list.page');
    expect(pageActions.map((a) => [a.title, a.data])).toEqual([
      ['Previous', { kind: 'task', page: 1 }],
      ['Next', { kind: 'task', page: 3 }],
    ]);
    expect(visibleText(card)).toContain('Page 2 of 3');
  });

  it('has only Next on the first page and only Previous on the last', () => {
    const first = buildWorkListCard(input({ items: numberedItems(23), page: 1 }));
    const last = buildWorkListCard(input({ items: numberedItems(23), page: 3 }));
    expect(topLevelActionTitles(first)).toEqual(['Next', 'Refresh', 'Open AFAS', 'Open the tab']);
    expect(topLevelActionTitles(last)).toEqual(['Previous', 'Refresh', 'Open AFAS', 'Open the tab']);
    expect(itemTitles(last)).toEqual(['Task 21', 'Task 22', 'Task 23']);
  });

  it('shows the last page when asked for a page past the end', () => {
    expect(itemTitles(buildWorkListCard(input({ items: numberedItems(23), page: 9 })))).toEqual(['Task 21', 'Task 22', 'Task 23']);
  });

  it('refreshes the page it shows', () => {
    const refresh = actions(buildWorkListCard(input({ kind: 'signal', items: numberedItems(23, { kind: 'signal' }), page: 2 }))).find((a) => a.verb === 'list.refresh');
    expect(refresh?.data).toEqual({ kind: 'signal', page: 2 });
  });

  it('has no paging buttons and no page line when everything fits on one page', () => {
    const card = buildWorkListCard(input());
    expect(actions(card).filter((a) => a.verb === 'list.page')).toEqual([]);
    expect(visibleText(card)).not.toContain('Page');
  });

  it('says how many come after this page and links to the tab', () => {
    const card = buildWorkListCard(input({ items: numberedItems(23), page: 1 }));
    expect(visibleText(card)).toContain('and 13 more — open the tab or AFAS InSite');
    const more = nodesOfType(card, 'TextRun').find((r) => String(r.text).startsWith('and 13 more'));
    expect(more?.selectAction).toMatchObject({ type: 'Action.OpenUrl', url: TAB });
  });

  it('points "and N more" at InSite when there is no tab', () => {
    const card = buildWorkListCard(input({ items: numberedItems(23), tabUrl: null }));
    expect(visibleText(card)).toContain('and 13 more — open AFAS InSite to see them all');
    expect(topLevelActionTitles(card)).not.toContain('Open the tab');
  });
});

describe('items', () => {
  it('show title, type, sender and the Amsterdam date and time', () => {
    const card = buildWorkListCard(input({ lang: 'nl', items: [workItem({ date: new Date('2024-07-01T07:30:00Z') })] }));
    expect(visibleText(card)).toContain('Verlofaanvraag goedkeuren');
    expect(visibleText(card)).toContain('Verlof · van Jan de Vries · 1 jul 2024 09:30');
  });

  it('show winter dates one hour ahead of UTC', () => {
    const card = buildWorkListCard(input({ items: [workItem({ date: new Date('2024-01-15T07:30:00Z') })] }));
    expect(visibleText(card)).toContain('15 Jan 2024 08:30');
  });

  it('mark unread items as new', () => {
    const card = buildWorkListCard(input({ lang: 'nl', items: [workItem({ unread: true, title: 'Ongelezen' }), workItem({ title: 'Gelezen' })] }));
    expect(visibleLines(card)).toContain('Nieuw · Ongelezen');
    expect(visibleLines(card)).toContain('Gelezen');
  });

  it('each have an Open button to the URL the caller computed', () => {
    const card = buildWorkListCard(input({ items: numberedItems(3) }));
    const open = actions(card).filter((a) => a.title === 'Open');
    expect(open.map((a) => [a.type, a.url, a.topLevel])).toEqual([
      ['Action.OpenUrl', `${INSITE}/taken?guid=t1`, false],
      ['Action.OpenUrl', `${INSITE}/taken?guid=t2`, false],
      ['Action.OpenUrl', `${INSITE}/taken?guid=t3`, false],
    ]);
  });

  it('fall back to the kind when AFAS gives no type', () => {
    expect(visibleText(buildWorkListCard(input({ kind: 'signal', items: [workItem({ kind: 'signal', type: null, from: null })] })))).toContain('Signal · 1 Jul 2024 09:30');
  });
});

describe('the empty list', () => {
  it('says so in a friendly sentence and still offers Refresh and Open AFAS', () => {
    const card = buildWorkListCard(input({ lang: 'nl', items: [] }));
    expect(visibleText(card)).toContain('Geen openstaande taken: er wacht niets op je.');
    expect(topLevelActionTitles(card)).toEqual(['Vernieuwen', 'Openen in AFAS', 'Tabblad openen']);
  });
});

describe('message size', () => {
  const huge = (n: number) => `${'Lange omschrijving '.repeat(600)}${n}`.slice(0, 10_240);

  it('stays under 28 KB for 100 items with 10 kB titles and says how many more there are', () => {
    const items = numberedItems(100).map((item, i) => ({ ...item, title: huge(i), from: huge(i), type: huge(i) }));
    for (const lang of ['en', 'nl'] as const) {
      const card = buildWorkListCard(input({ lang, items }));
      expect(cardPayloadBytes(card)).toBeLessThan(CARD_PAYLOAD_BUDGET_BYTES);
      expect(visibleText(card)).toContain(lang === 'en' ? 'and 90 more' : 'en nog 90');
      expectValidCard(card);
    }
  });

  it('cuts titles longer than 200 characters with an ellipsis', () => {
    const card = buildWorkListCard(input({ items: [workItem({ title: 'x'.repeat(10_000) })] }));
    const title = visibleLines(card).find((l) => l.startsWith('xxx'));
    expect(title).toBe(`${'x'.repeat(199)}…`);
  });

  it('shows fewer items and counts the rest when long links would overflow the budget', () => {
    const items = numberedItems(10);
    const card = buildWorkListCard(input({ items, itemUrl: (item) => `${INSITE}/taken?guid=${item.id}&pad=${'a'.repeat(2000)}` }));
    const shown = itemTitles(card).length;
    expect(cardPayloadBytes(card)).toBeLessThan(CARD_PAYLOAD_BUDGET_BYTES);
    expect(shown).toBeLessThan(10);
    expect(shown).toBeGreaterThan(0);
    expect(visibleText(card)).toContain(`and ${10 - shown} more`);
  });
});
