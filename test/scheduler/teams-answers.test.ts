import { expectValidCard } from '../support/adaptive-card-validator';
import { visibleText } from '../support/card-inspection';
import { JAN, MINUTE, NotificationHarness } from '../support/notification-harness';

describe('what the Teams connector answers to proactive sends', () => {
  let h: NotificationHarness;

  beforeEach(async () => {
    h = await NotificationHarness.start();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Jan, activated, past the first poll; the clock stands just before his next poll. */
  async function janAfterFirstPoll() {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    expect(h.requestsFor(jan)).toHaveLength(1);
    return jan;
  }

  it('waits for Retry-After after a 429 and then sends the card once', async () => {
    const jan = await janAfterFirstPoll();
    h.connector.answerNext({ status: 429, retryAfterSeconds: 7, code: 'Throttled' });
    h.sandbox.addSignal(JAN, { description: 'Na de 429' });
    await h.drive(6 * MINUTE);
    const [, refused, accepted] = h.requestsFor(jan);
    expect(refused.status).toBe(429);
    expect(accepted.status).toBe(201);
    expect(accepted.at - refused.at).toBe(7000);
    expect(h.requestsFor(jan)).toHaveLength(3);
    expect(visibleText(h.cardsFor(jan)[1])).toContain('Na de 429');
  });

  it('pauses the whole tenant after a 429, not only the conversation that got it', async () => {
    const start = h.clock.now().getTime();
    h.connector.answerNext({ status: 429, retryAfterSeconds: 10, code: 'Throttled' });
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    const fleur = await h.activate('aad-fleur', 'fleur.bakker@horizon-groep.example');
    await h.run.engine.wake(fleur);
    await h.drive(20_000);
    expect(h.requestsFor(jan).map((r) => r.status)).toEqual([429, 201]);
    expect(h.requestsFor(jan)[0].at).toBe(start);
    const after = [h.requestsFor(jan)[1], ...h.requestsFor(fleur)].map((r) => r.at - start).sort((a, b) => a - b);
    // Both wait out the pause; then the tenant's slots are paced apart (32 ms in the first second after a quiet spell).
    expect(after[0]).toBe(10_000);
    // 1000 ms / 30 slots: 32 or 33 ms depending on where the pacing's rounding falls.
    expect(after[1]).toBeGreaterThanOrEqual(10_032);
    expect(after[1]).toBeLessThanOrEqual(10_034);
    expect(after).toHaveLength(2);
  });

  it('backs off with jitter after 503s and sends once it is accepted', async () => {
    const jan = await janAfterFirstPoll();
    h.connector.answerNext({ status: 503 }, { status: 502 }, { status: 504 });
    h.sandbox.addSignal(JAN, { description: 'Na drie fouten' });
    await h.drive(10 * MINUTE);
    const tries = h.requestsFor(jan).slice(1);
    expect(tries.map((r) => r.status)).toEqual([503, 502, 504, 201]);
    const gaps = tries.slice(1).map((r, i) => r.at - tries[i].at);
    expect(gaps.every((gap) => gap >= 100 && gap <= 60_000)).toBe(true);
    expect(h.activitiesFor(jan)).toHaveLength(2);
  });

  it('gives up after a bounded number of 503s and offers the item again at the next poll', async () => {
    const jan = await janAfterFirstPoll();
    h.connector.answerNext(...Array.from({ length: 5 }, () => ({ status: 503 })));
    h.sandbox.addSignal(JAN, { description: 'Hardnekkig' });
    await h.drive(5 * MINUTE + 2 * MINUTE);
    expect(h.requestsFor(jan).slice(1).map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    await h.drive(6 * MINUTE);
    expect(h.activitiesFor(jan)).toHaveLength(2);
    expect(visibleText(h.cardsFor(jan)[1])).toContain('Hardnekkig');
  });

  it('stops sending to and polling a user who blocked the bot (403), keeps their data, and resumes when they write again', async () => {
    const jan = await janAfterFirstPoll();
    h.connector.answerNext({ status: 403, code: 'ConversationBlockedByUser' });
    h.sandbox.addSignal(JAN, { description: 'Geblokkeerd' });
    await h.drive(6 * MINUTE);
    expect((await h.storage.conversations.get(jan))?.status).toBe('blocked');
    const readsWhenBlocked = h.afasReadsOf(JAN);
    h.sandbox.addSignal(JAN, { description: 'Tijdens blokkade' });
    await h.drive(30 * MINUTE);
    expect(h.requestsFor(jan)).toHaveLength(2);
    expect(h.afasReadsOf(JAN)).toBe(readsWhenBlocked);
    expect(await h.storage.activations.get(jan)).toMatchObject({ status: 'active' });

    await h.storage.conversations.save(jan, h.reference(jan, 'en-US'), h.clock.now());
    await h.drive(6 * MINUTE);
    expect(visibleText(h.cardsFor(jan)[1])).toContain('Tijdens blokkade');
    expect(h.activitiesFor(jan)).toHaveLength(2);
  });

  it('retires the conversation reference after a 404 and sends nothing more', async () => {
    const jan = await janAfterFirstPoll();
    h.connector.answerNext({ status: 404, code: 'ConversationNotFound' });
    h.sandbox.addSignal(JAN, { description: 'Weg' });
    await h.drive(6 * MINUTE);
    expect((await h.storage.conversations.get(jan))?.status).toBe('retired');
    h.sandbox.addSignal(JAN, { description: 'Nog een' });
    await h.drive(20 * MINUTE);
    expect(h.requestsFor(jan)).toHaveLength(2);
  });

  it('rebuilds a smaller card after a 413 and never sends the same payload again', async () => {
    const jan = await janAfterFirstPoll();
    h.connector.answerNext({ status: 413, code: 'MessageSizeTooBig' }, { status: 413, code: 'MessageSizeTooBig' });
    h.sandbox.addSignal(JAN, { description: 'Te groot' });
    await h.drive(6 * MINUTE);
    const tries = h.requestsFor(jan).slice(1);
    expect(tries.map((r) => r.status)).toEqual([413, 413, 201]);
    expect(tries[1].bytes).toBeLessThan(tries[0].bytes);
    expect(tries[2].bytes).toBeLessThan(tries[1].bytes);
    const [, last] = h.activitiesFor(jan);
    expect(last.activity.attachments).toBeUndefined();
    expect(last.activity.text).toBe('New signal: Te groot');
  });

  it('sends the compact card after one 413', async () => {
    const jan = await janAfterFirstPoll();
    h.connector.answerNext({ status: 413, code: 'MessageSizeTooBig' });
    h.sandbox.addSignal(JAN, { description: 'Te groot' });
    await h.drive(6 * MINUTE);
    const card = h.cardsFor(jan)[1];
    expectValidCard(card);
    expect(visibleText(card)).toBe('New signal\nTe groot');
  });

  it('does not retry a 500 and logs it with its code', async () => {
    const jan = await janAfterFirstPoll();
    h.connector.answerNext({ status: 500, code: 'ServiceError' });
    h.sandbox.addSignal(JAN, { description: 'Kapot', guid_signal: 'sig-500' });
    await h.drive(20 * MINUTE);
    expect(h.requestsFor(jan).map((r) => r.status)).toEqual([201, 500]);
    expect(h.logger.lines.some((l) => l.fields.code === 'teams_500_ServiceError')).toBe(true);
    expect(await h.storage.deliveries.pending({ user: jan, limit: 10 })).toEqual([]);
  });
});
