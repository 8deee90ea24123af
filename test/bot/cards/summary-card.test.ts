import { CARD_PAYLOAD_BUDGET_BYTES, cardPayloadBytes } from '../../../bot/cards/card-size';
import { buildSummaryCard, type SummaryCardInput } from '../../../bot/cards/summary-card';
import type { Language } from '../../../src/domain/user-preferences';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { actions, topLevelActionTitles, visibleText } from '../../support/card-inspection';
import { numberedItems, workItem } from '../../support/work-items';

const NOW = new Date('2024-07-01T08:00:00Z');
const INSITE = 'https://12345.afasinsite.nl';

function dated(count: number, kind: 'task' | 'signal') {
  // Item n is n hours old: item 1 is the newest. Given oldest first, to prove the card sorts.
  return numberedItems(count, { kind })
    .map((item, i) => ({ ...item, date: new Date(NOW.getTime() - (i + 1) * 3_600_000) }))
    .reverse();
}

function input(overrides: Partial<SummaryCardInput> = {}): SummaryCardInput {
  return {
    lang: 'en',
    tasks: { items: dated(7, 'task') },
    signals: { items: dated(2, 'signal') },
    itemUrl: (item) => `${INSITE}/x?id=${item.id}`,
    insiteUrl: INSITE,
    now: NOW,
    ...overrides,
  };
}

describe.each<Language>(['en', 'nl'])('the summary card (%s)', (lang) => {
  it('is a valid Teams card with items, and when nothing is open', () => {
    expectValidCard(buildSummaryCard(input({ lang })));
    expectValidCard(buildSummaryCard(input({ lang, tasks: { items: [] }, signals: { items: [] } })));
    expectValidCard(buildSummaryCard(input({ lang, signals: { items: [] } })));
  });
});

describe('the summary', () => {
  it('counts both lists', () => {
    const text = visibleText(buildSummaryCard(input()));
    expect(text).toContain('7 open tasks, 3 new');
    expect(text).toContain('2 signals, 1 new');
  });

  it('shows the newest three of each and how many more there are', () => {
    const text = visibleText(buildSummaryCard(input()));
    expect(text).toMatch(/Task 1[\s\S]*Task 2[\s\S]*Task 3[\s\S]*and 4 more/);
    expect(text).not.toContain('Task 4');
  });

  it('says when nothing at all is open', () => {
    const text = visibleText(buildSummaryCard(input({ lang: 'nl', tasks: { items: [] }, signals: { items: [] } })));
    expect(text).toContain('Niets openstaand in AFAS: geen taken en geen signalen.');
  });

  it('says which list is empty when only one is', () => {
    expect(visibleText(buildSummaryCard(input({ signals: { items: [] } })))).toContain('No signals right now.');
  });

  it('opens either full list, refreshes itself and opens AFAS', () => {
    const card = buildSummaryCard(input({ lang: 'nl' }));
    expect(topLevelActionTitles(card)).toEqual(['Alle taken', 'Alle signalen', 'Vernieuwen', 'Openen in AFAS']);
    expect(actions(card).filter((a) => a.verb === 'list.page').map((a) => a.data)).toEqual([
      { kind: 'task', page: 1, from: 'summary' },
      { kind: 'signal', page: 1, from: 'summary' },
    ]);
  });

  it('stays within the budget with huge titles and links', () => {
    const huge = 'y'.repeat(10_000);
    const card = buildSummaryCard(
      input({
        tasks: { items: dated(100, 'task').map((i) => ({ ...i, title: huge, from: huge })) },
        signals: { items: [workItem({ kind: 'signal', title: huge })] },
        itemUrl: () => `${INSITE}/${'z'.repeat(2040)}`,
      }),
    );
    expect(cardPayloadBytes(card)).toBeLessThan(CARD_PAYLOAD_BUDGET_BYTES);
    expectValidCard(card);
  });
});
