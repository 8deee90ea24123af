import { expectValidCard } from '../support/adaptive-card-validator';
import { topLevelActionTitles, visibleText } from '../support/card-inspection';
import { JAN, LOTTE, MINUTE, NotificationHarness } from '../support/notification-harness';

const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

describe('the daily digest and quiet hours', () => {
  let h: NotificationHarness;

  afterEach(async () => {
    await h.close();
  });

  const digestsFor = (user: Parameters<NotificationHarness['activitiesFor']>[0]) =>
    h.activitiesFor(user).filter((r) => String(r.activity.summary).startsWith('Your daily AFAS summary'));

  it('sends one digest with counts and the newest items at 08:30 Amsterdam on the next working day', async () => {
    h = await NotificationHarness.start({ start: '2026-03-02T08:00:00Z' });
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(24 * HOUR);
    const digests = digestsFor(jan);
    expect(digests.map((d) => iso(d.at))).toEqual(['2026-03-03T07:30:00.000Z']);
    const card = (digests[0].activity.attachments as { content: unknown }[])[0].content;
    expectValidCard(card);
    expect(visibleText(card)).toMatch(/^Your daily AFAS summary/);
    expect(visibleText(card)).toContain('9 open tasks');
    expect(visibleText(card)).toContain('6 signals');
    expect(topLevelActionTitles(card)).toEqual(expect.arrayContaining(['All tasks', 'All signals']));
  });

  it('says "500+" in the first message and the digest when AFAS holds more items than one read returns', async () => {
    h = await NotificationHarness.start({ start: '2026-03-02T08:00:00Z' });
    const lotte = await h.activate('aad-lotte', LOTTE);
    for (let i = 0; i < 520; i++) h.sandbox.addSignal(LOTTE, { description: `Signaal ${i}` });
    h.sandbox.addTask(LOTTE, {});
    await h.startEngine();
    await h.drive(24 * HOUR);
    const [baseline] = h.cardsFor(lotte);
    expectValidCard(baseline);
    expect(visibleText(baseline)).toContain('Right now you have 500+ signals.');
    const [digest] = digestsFor(lotte);
    expect(String(digest.activity.summary)).toContain('500+ signals');
    const card = (digest.activity.attachments as { content: unknown }[])[0].content;
    expectValidCard(card);
    expect(visibleText(card)).toContain('500+ signals');
    expect(visibleText(card)).toContain('1 open task');
  });

  it('skips the weekend', async () => {
    h = await NotificationHarness.start({ start: '2026-03-06T08:00:00Z' });
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(72 * HOUR);
    expect(digestsFor(jan).map((d) => iso(d.at))).toEqual(['2026-03-09T07:30:00.000Z']);
  });

  it('sends no digest when nothing is open', async () => {
    h = await NotificationHarness.start({ start: '2026-03-02T08:00:00Z' });
    const lotte = await h.activate('aad-lotte', LOTTE);
    await h.startEngine();
    await h.drive(24 * HOUR);
    expect(h.activitiesFor(lotte)).toEqual([]);
  });

  it('sends the digest at the time the user chose, and none when they turned it off', async () => {
    h = await NotificationHarness.start({ start: '2026-03-02T08:00:00Z' });
    const jan = await h.activate('aad-jan', JAN, { preferences: { digestTime: '17:15' } });
    const fleur = await h.activate('aad-fleur', 'fleur.bakker@horizon-groep.example', { preferences: { digest: false } });
    await h.startEngine();
    await h.drive(12 * HOUR);
    expect(digestsFor(jan).map((d) => iso(d.at))).toEqual(['2026-03-02T16:15:00.000Z']);
    expect(digestsFor(fleur)).toEqual([]);
  });

  it('catches up a digest missed while the service was down, once', async () => {
    h = await NotificationHarness.start({ start: '2026-03-01T12:00:00Z' });
    const jan = await h.activate('aad-jan', JAN);
    h.clock.set('2026-03-02T08:10:00Z');
    await h.startEngine();
    await h.drive(MINUTE);
    // Right after the first poll's "you have N signals" card (the tenant's slots are paced apart by a few ms).
    const sent = digestsFor(jan).map((d) => d.at);
    expect(sent).toHaveLength(1);
    expect(sent[0] - Date.parse('2026-03-02T08:10:00Z')).toBeGreaterThanOrEqual(0);
    expect(sent[0] - Date.parse('2026-03-02T08:10:00Z')).toBeLessThan(1000);
    void h.run.engine.stop();
    h.run = h.newEngine();
    await h.startEngine();
    await h.drive(HOUR);
    expect(digestsFor(jan)).toHaveLength(1);
  });

  it('holds pushes during quiet hours and delivers them as one card when they end', async () => {
    h = await NotificationHarness.start({ start: '2026-03-02T08:00:00Z' });
    const jan = await h.activate('aad-jan', JAN, { preferences: { quietHours: { start: '09:30', end: '12:00' } } });
    await h.startEngine();
    await h.drive(40 * MINUTE);
    h.sandbox.addSignal(JAN, { description: 'Tijdens de stilte 1' });
    h.sandbox.addSignal(JAN, { description: 'Tijdens de stilte 2' });
    await h.drive(2 * HOUR + 19 * MINUTE);
    expect(h.activitiesFor(jan)).toHaveLength(1);
    expect(await h.storage.deliveries.pending({ user: jan, limit: 10 })).toHaveLength(2);

    await h.drive(2 * MINUTE);
    const arrived = h.activitiesFor(jan);
    expect(arrived).toHaveLength(2);
    expect(iso(arrived[1].at)).toBe('2026-03-02T11:00:00.000Z');
    expect(visibleText(h.cardsFor(jan)[1])).toContain('You have 2 new signals');
    expect(await h.storage.deliveries.pending({ user: jan, limit: 10 })).toEqual([]);
  });

  it('holds a digest that falls in quiet hours until they end', async () => {
    h = await NotificationHarness.start({ start: '2026-03-02T08:00:00Z' });
    const jan = await h.activate('aad-jan', JAN, { preferences: { quietHours: { start: '22:00', end: '09:00' } } });
    await h.startEngine();
    await h.drive(24 * HOUR);
    expect(digestsFor(jan).map((d) => iso(d.at))).toEqual(['2026-03-03T08:00:00.000Z']);
  });
});
