import { buildDigestCard } from '../../bot/cards/digest-card';
import { buildItemNotificationCard } from '../../bot/cards/notification-card';
import { buildBaselineCard, buildReactivationCard } from '../../bot/cards/notification-notice-cards';
import { buildNotificationSummaryCard } from '../../bot/cards/notification-summary-card';
import { cardPayloadBytes, fitsMessageBudget } from '../../bot/cards/card-size';
import { notificationActivity } from '../../bot/proactive/notification-activity';
import type { Notification } from '../../src/domain/notification';
import { COALESCE_THRESHOLD, planItemMessages } from '../../src/domain/notification-plan';
import { expectValidCard } from '../support/adaptive-card-validator';
import { actions, topLevelActionTitles, visibleText } from '../support/card-inspection';
import { numberedItems, workItem } from '../support/work-items';

const NOW = new Date('2026-03-02T08:00:00Z');
const url = () => 'https://12345.afasinsite.nl/signaal?id=1';
const signal = workItem({ kind: 'signal', id: 's1', title: 'Verlof aangevraagd', from: 'Jan de Vries', type: 'Verlof' });

describe('notification cards', () => {
  it.each(['en', 'nl'] as const)('are valid Adaptive Cards for Teams in %s', (lang) => {
    const items = numberedItems(12, { kind: 'signal' });
    const cards = [
      buildItemNotificationCard({ lang, item: signal, url: url() }),
      buildItemNotificationCard({ lang, item: signal, url: url(), compact: true }),
      buildNotificationSummaryCard({ lang, items, counts: { signal: 12, task: 2 }, itemUrl: url, insiteUrl: 'https://12345.afasinsite.nl' }),
      buildBaselineCard(lang, { signal: 6, task: 0 }),
      buildReactivationCard(lang),
      buildDigestCard({ lang, tasks: { items: numberedItems(3), total: 9, unread: 2 }, signals: { items: [signal], total: 1, unread: 1 }, itemUrl: url, insiteUrl: 'https://12345.afasinsite.nl', now: NOW }),
    ];
    for (const card of cards) expectValidCard(card);
  });

  it('shows one new item with its sender and an All signals command', () => {
    const card = buildItemNotificationCard({ lang: 'en', item: signal, url: url() });
    expect(visibleText(card)).toBe('New signal\nVerlof aangevraagd\nVerlof · from Jan de Vries · 1 Jul 2024 09:30');
    expect(topLevelActionTitles(card)).toEqual(['Open', 'All signals']);
  });

  it('counts both kinds in a summary and says how many more there are', () => {
    const items = numberedItems(12, { kind: 'signal' });
    const card = buildNotificationSummaryCard({ lang: 'nl', items: items.slice(0, 10), counts: { signal: 12, task: 3 }, itemUrl: url, insiteUrl: 'https://x.example' });
    expect(visibleText(card)).toMatch(/^Je hebt 12 nieuwe signalen en 3 nieuwe taken/);
    expect(visibleText(card)).toContain('en nog 5');
    expect(topLevelActionTitles(card)).toEqual(['Alle signalen', 'Alle taken', 'Openen in AFAS']);
  });

  it('keeps a summary of very long items within the message budget', () => {
    const items = numberedItems(10, { kind: 'signal', title: 'x'.repeat(5000), from: 'y'.repeat(5000) });
    const long = (item: { id: string }) => `https://12345.afasinsite.nl/${'a'.repeat(1900)}${item.id}`;
    const card = buildNotificationSummaryCard({ lang: 'en', items, counts: { signal: 10 }, itemUrl: long, insiteUrl: 'https://x.example' });
    expect(fitsMessageBudget(card)).toBe(true);
    expectValidCard(card);
  });

  it('asks to activate again with the Activate button', () => {
    expect(actions(buildReactivationCard('en')).map((a) => a.verb)).toEqual(['activation.start']);
  });

  it('gets smaller with every step down after a 413, ending in one line of plain text', () => {
    const base: Notification = {
      user: { tenantId: 't', aadObjectId: 'a' },
      lang: 'en',
      content: { type: 'summary', items: numberedItems(10, { kind: 'signal' }), counts: { signal: 10 } },
      detail: 'full',
      entries: [],
      links: { insiteUrl: 'https://x.example', taskUrlTemplate: null, signalUrlTemplate: null, defaultTasksUrl: 'https://x.example/taken', useDefaultTasksUrl: false },
    };
    const sizes = (['full', 'compact', 'minimal'] as const).map((detail) => JSON.stringify(notificationActivity({ ...base, detail }, NOW)).length);
    expect(sizes[1]).toBeLessThan(sizes[0]);
    expect(sizes[2]).toBeLessThan(sizes[1]);
    const minimal = notificationActivity({ ...base, detail: 'minimal' }, NOW);
    expect(minimal).toMatchObject({ text: 'You have 10 new signals in AFAS.', textFormat: 'plain', channelData: { notification: { alert: true } } });
    expect(cardPayloadBytes(buildItemNotificationCard({ lang: 'en', item: signal, url: url(), compact: true }))).toBeLessThan(cardPayloadBytes(buildItemNotificationCard({ lang: 'en', item: signal, url: url() })));
  });
});

describe('which messages announce new items', () => {
  it('sends up to three as a card each and more as one summary', () => {
    expect(planItemMessages(numberedItems(COALESCE_THRESHOLD), { held: false }).map((m) => m.content.type)).toEqual(['item', 'item', 'item']);
    const [summary] = planItemMessages(numberedItems(COALESCE_THRESHOLD + 1), { held: false });
    expect(summary.content.type).toBe('summary');
    expect(summary.entries).toHaveLength(COALESCE_THRESHOLD + 1);
  });

  it('sends held items as one message however few, and keeps every entry of a large summary', () => {
    expect(planItemMessages(numberedItems(2), { held: true }).map((m) => m.content.type)).toEqual(['summary']);
    expect(planItemMessages(numberedItems(1), { held: true }).map((m) => m.content.type)).toEqual(['item']);
    const [big] = planItemMessages(numberedItems(40), { held: false });
    expect(big.entries).toHaveLength(40);
    expect(big.content.type === 'summary' && big.content.items.length).toBe(10);
  });
});
