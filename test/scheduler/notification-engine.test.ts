import { createEmbeddedNotificationEngine } from '../../src/scheduler/embedded-notification-engine';
import { expectValidCard } from '../support/adaptive-card-validator';
import { actions, topLevelActionTitles, visibleText } from '../support/card-inspection';
import { FLEUR, INSITE, JAN, LOTTE, MINUTE, NotificationHarness } from '../support/notification-harness';

describe('polling AFAS and sending proactive cards', () => {
  let h: NotificationHarness;

  beforeEach(async () => {
    h = await NotificationHarness.start();
  });
  afterEach(async () => {
    await h.close();
  });

  it('records what is open at the first poll after activation and says once how many signals there are', async () => {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    const [card] = h.cardsFor(jan);
    expectValidCard(card);
    expect(visibleText(card)).toContain('Right now you have 6 signals');
    expect(await h.storage.deliveries.hasAny(jan)).toBe(true);

    await h.drive(30 * MINUTE);
    expect(h.cardsFor(jan)).toHaveLength(1);
    expect(h.afasReadsOf(JAN)).toBeGreaterThanOrEqual(6);
  });

  it('says nothing at the first poll when nothing is open', async () => {
    const lotte = await h.activate('aad-lotte', LOTTE);
    await h.startEngine();
    await h.drive(10 * MINUTE);
    expect(h.cardsFor(lotte)).toHaveLength(0);
    h.sandbox.addSignal(LOTTE, { description: 'Eerste signaal' });
    await h.drive(6 * MINUTE);
    expect(visibleText(h.cardsFor(lotte)[0])).toContain('Eerste signaal');
  });

  it('sends a new signal as a card with a Teams alert, an Open link and an All signals command', async () => {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.addSignal(JAN, { description: 'Declaratie ingediend', guid_signal: 'sig-new-1' });
    await h.drive(6 * MINUTE);

    const arrived = h.activitiesFor(jan);
    expect(arrived).toHaveLength(2);
    const { activity } = arrived[1];
    expect(activity.channelData).toEqual({ notification: { alert: true } });
    expect(activity.summary).toBe('New signal: Declaratie ingediend');
    const card = h.cardsFor(jan)[1];
    expectValidCard(card);
    expect(visibleText(card)).toMatch(/New signal\nDeclaratie ingediend/);
    expect(actions(card).find((a) => a.title === 'Open')?.url).toBe(`${INSITE}/signaal?id=sig-new-1`);
    expect(actions(card).find((a) => a.title === 'All signals')).toMatchObject({ verb: 'command.run', data: { command: 'signals' } });
    const entry = (await h.storage.deliveries.pending({ user: jan, limit: 10 })).find((e) => e.itemId === 'sig-new-1');
    expect(entry).toBeUndefined();
    expect(await h.storage.deliveries.known(jan, 'signal', ['sig-new-1'])).toEqual(new Set(['sig-new-1']));
  });

  it('polls a user and sends one new signal in at most 10 SQL statements, none of them BEGIN or COMMIT', async () => {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.addSignal(JAN, { description: 'Declaratie ingediend', guid_signal: 'sig-cost' });
    const statements: string[] = [];
    const stop = h.storage.watchStatements((sql) => statements.push(sql.trim().replace(/\s+/g, ' ')));
    // Due at 5 minutes: Jan's poll, and the sweep that looks for users without a job (one page for everyone, not Jan's cost).
    await h.drive(5 * MINUTE + 1000);
    stop();
    expect(h.activitiesFor(jan)).toHaveLength(2);
    const polled = statements.filter((sql) => !sql.includes("FROM activations WHERE status = 'active'"));
    // The activation, its conversation and preferences, the connection, the token; the ledger's known, plan, to_deliver, delivered; the conversation again at the send.
    expect(polled.length).toBeLessThanOrEqual(10);
    expect(polled.filter((sql) => /^(BEGIN|COMMIT)/i.test(sql))).toEqual([]);
  });

  it('sends up to three new signals as a card each, oldest first', async () => {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    for (const n of [1, 2, 3]) {
      h.sandbox.addSignal(JAN, { description: `Signaal ${n}` });
      await h.clock.advance(1000);
    }
    await h.drive(6 * MINUTE);
    expect(h.cardsFor(jan).slice(1).map((card) => visibleText(card).split('\n')[1])).toEqual(['Signaal 1', 'Signaal 2', 'Signaal 3']);
  });

  it('coalesces more than three new signals of one poll into one summary card', async () => {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    for (let n = 1; n <= 5; n++) h.sandbox.addSignal(JAN, { description: `Signaal ${n}` });
    await h.drive(6 * MINUTE);

    const cards = h.cardsFor(jan);
    expect(cards).toHaveLength(2);
    expectValidCard(cards[1]);
    expect(visibleText(cards[1])).toContain('You have 5 new signals');
    expect(topLevelActionTitles(cards[1])).toEqual(['All signals', 'Open AFAS']);
    expect(await h.storage.deliveries.pending({ user: jan, limit: 10 })).toEqual([]);
  });

  it('polls tasks only for users who want task notifications, starting with what is open', async () => {
    const jan = await h.activate('aad-jan', JAN);
    const fleur = await h.activate('aad-fleur', FLEUR, { preferences: { taskNotifications: true } });
    await h.startEngine();
    await h.drive(1000);
    expect(visibleText(h.cardsFor(fleur)[0])).toContain('Right now you have 5 signals and 7 open tasks');
    h.sandbox.addTask(JAN, { description: 'Factuur goedkeuren' });
    h.sandbox.addTask(FLEUR, { description: 'Factuur goedkeuren' });
    await h.drive(6 * MINUTE);
    expect(h.cardsFor(jan)).toHaveLength(1);
    expect(visibleText(h.cardsFor(fleur)[1])).toMatch(/New task\nFactuur goedkeuren/);
  });

  it('writes in Dutch when the Teams client is Dutch, and in the chosen language when there is one', async () => {
    const jan = await h.activate('aad-jan', JAN, { locale: 'nl-NL' });
    const fleur = await h.activate('aad-fleur', FLEUR, { locale: 'nl-NL', preferences: { language: 'en' } });
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.addSignal(JAN, { description: 'Nieuw verlof' });
    await h.drive(6 * MINUTE);
    expect(visibleText(h.cardsFor(jan)[0])).toContain('Op dit moment heb je 6 signalen');
    expect(visibleText(h.cardsFor(jan)[1])).toMatch(/^Nieuw signaal\nNieuw verlof/);
    expect(visibleText(h.cardsFor(fleur)[0])).toContain('Right now you have 5 signals');
  });

  it('spreads first polls over the interval so that users do not poll in lockstep', async () => {
    await h.close();
    h = await NotificationHarness.start({ engine: { firstPollSpreadMs: 5 * MINUTE } });
    for (let i = 0; i < 7; i++) await h.activate(`aad-${i}`, JAN);
    await h.startEngine();
    await h.drive(5 * MINUTE);
    const times = h.sandbox.stats.requests.filter((r) => r.path.includes('/connectors/')).map((r) => Date.parse(r.at));
    expect(times).toHaveLength(7);
    expect(new Set(times).size).toBe(7);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(2 * MINUTE);
  });
});

describe('the embedded engine', () => {
  it('starts over storage and stops without leaving a timer behind', async () => {
    const h = await NotificationHarness.start();
    try {
      await h.activate('aad-jan', JAN);
      const { engine } = createEmbeddedNotificationEngine({ storage: h.storage, source: { list: async () => ({ items: [], skipped: 0, truncated: false }) }, notifier: { send: async () => ({ outcome: 'sent', activityId: null }) }, clock: h.clock, logger: h.logger, options: { pollIntervalMs: 5 * MINUTE } });
      await engine.start();
      expect(h.logger.lines.some((l) => l.message === 'notification engine started' && l.fields.jobs === 2)).toBe(true);
      await engine.stop();
      expect(h.clock.pendingSleepers).toBe(0);
    } finally {
      await h.close();
    }
  });
});
