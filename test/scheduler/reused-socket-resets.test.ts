import { FLEUR, JAN, LOTTE, MINUTE, NotificationHarness } from '../support/notification-harness';

describe('proactive sends on a kept-alive connection the Bot Connector has just closed', () => {
  let h: NotificationHarness;

  afterEach(async () => {
    await h.close();
  });

  it('when the connector drops every request on a reused connection without answering, each card is sent again on a new connection and arrives exactly once', async () => {
    h = await NotificationHarness.start({ connectorResets: (served) => served > 0 });
    const users = [await h.activate('aad-jan', JAN), await h.activate('aad-fleur', FLEUR), await h.activate('aad-lotte', LOTTE)];
    await h.startEngine();
    await h.drive(1000);
    for (const email of [JAN, FLEUR, LOTTE]) h.sandbox.addSignal(email, { description: 'Na de reset' });
    await h.drive(6 * MINUTE);

    expect(h.proxy!.resets).toBeGreaterThan(0);
    for (const user of users) {
      const summaries = h.activitiesFor(user).map((a) => a.activity.summary);
      expect(summaries.filter((summary) => summary === 'New signal: Na de reset')).toHaveLength(1);
      expect(new Set(summaries).size).toBe(summaries.length);
    }
    // Jan and Fleur had open signals at activation: their first-poll notice arrived too; nothing was lost.
    expect(users.map((user) => h.activitiesFor(user).length)).toEqual([2, 2, 1]);
    const notifier = h.stacks.at(-1)!.notifier;
    expect(notifier.counts.resentAfterIdleReset).toBe(h.proxy!.resets);
    expect(notifier.counts.unknown).toEqual({});
    expect(h.logger.lines.filter((l) => l.fields.code === 'teams_no_answer')).toEqual([]);
  });

  it('when the connector drops a request on a new connection, the card is not sent again and the unknown outcome is counted', async () => {
    h = await NotificationHarness.start({ connectorResets: () => true });
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);

    // Teams may have shown it: an unknown outcome is never repeated.
    expect(h.proxy!.resets).toBe(1);
    expect(h.activitiesFor(jan)).toEqual([]);
    const notifier = h.stacks.at(-1)!.notifier;
    expect(notifier.counts.resentAfterIdleReset).toBe(0);
    expect(notifier.counts.unknown).toEqual({ teams_no_answer: 1 });
  });
});
