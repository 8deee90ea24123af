import { visibleText, actions } from '../support/card-inspection';
import { FLEUR, JAN, MINUTE, NotificationHarness } from '../support/notification-harness';

describe('when AFAS fails during polling', () => {
  let h: NotificationHarness;

  beforeEach(async () => {
    h = await NotificationHarness.start();
  });
  afterEach(async () => {
    await h.close();
  });

  const connectorReads = () => h.sandbox.stats.requests.filter((r) => r.path.includes('/connectors/'));

  it('marks the activation invalid after a 401 and sends exactly one card asking to activate again', async () => {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.revokeToken((await h.storage.activations.getToken(jan))!);
    h.sandbox.addSignal(JAN, { guid_signal: 'sig-after-revoke' });
    await h.drive(60 * MINUTE);

    expect(await h.storage.activations.get(jan)).toMatchObject({ status: 'invalid' });
    const cards = h.cardsFor(jan);
    expect(cards).toHaveLength(2);
    expect(visibleText(cards[1])).toContain('AFAS no longer accepts your activation');
    expect(actions(cards[1]).map((a) => a.verb)).toContain('activation.start');
    expect(await h.storage.deliveries.known(jan, 'signal', ['sig-after-revoke'])).toEqual(new Set());
    const readsAfter = connectorReads().length;
    await h.drive(60 * MINUTE);
    expect(connectorReads()).toHaveLength(readsAfter);

    await h.run.engine.stop();
    h.run = h.newEngine();
    await h.startEngine();
    await h.drive(60 * MINUTE);
    expect(h.cardsFor(jan)).toHaveLength(2);
  });

  it('asks again after a later invalidation of a new activation', async () => {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.revokeToken((await h.storage.activations.getToken(jan))!);
    await h.drive(10 * MINUTE);
    await h.activate('aad-jan', JAN);
    await h.drive(10 * MINUTE);
    h.sandbox.revokeToken((await h.storage.activations.getToken(jan))!);
    await h.drive(10 * MINUTE);
    const texts = h.cardsFor(jan).map((card) => visibleText(card));
    expect(texts.filter((t) => t.includes('AFAS no longer accepts'))).toHaveLength(2);
  });

  it('pauses every poll to an environment in maintenance until its Retry-After, without touching the ledger', async () => {
    const jan = await h.activate('aad-jan', JAN);
    const fleur = await h.activate('aad-fleur', FLEUR);
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 600 });
    h.sandbox.addSignal(JAN, { guid_signal: 'sig-maintenance-jan' });
    h.sandbox.addSignal(FLEUR, { guid_signal: 'sig-maintenance-fleur' });
    const before = connectorReads().length;
    await h.drive(7 * MINUTE);
    const refused = connectorReads().slice(before);
    expect(refused).toHaveLength(1);
    const pausedAt = Date.parse(refused[0].at);
    await h.clock.advance(pausedAt + 600_000 - 1 - h.clock.now().getTime());
    await h.run.queue.idle();
    expect(connectorReads().slice(before)).toHaveLength(1);
    expect(await h.storage.deliveries.known(jan, 'signal', ['sig-maintenance-jan'])).toEqual(new Set());

    h.sandbox.faults.clear();
    await h.drive(2 * MINUTE);
    const resumed = connectorReads().slice(before + 1);
    expect(resumed.length).toBeGreaterThanOrEqual(2);
    expect(resumed.every((r) => Date.parse(r.at) >= pausedAt + 600_000)).toBe(true);
    expect(visibleText(h.cardsFor(jan)[1])).toContain('New signal');
    expect(visibleText(h.cardsFor(fleur)[1])).toContain('New signal');
  });

  it('backs off per user after AFAS errors and delivers once AFAS answers again', async () => {
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.faults.set({ kind: 'functional-error', message: 'Out of memory', profitLogReference: 'REF-42' });
    h.sandbox.addSignal(JAN, { guid_signal: 'sig-after-500' });
    const before = connectorReads().length;
    await h.drive(80 * MINUTE);
    const failing = connectorReads().slice(before).map((r) => Date.parse(r.at));
    const gaps = failing.slice(1).map((t, i) => t - failing[i]);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
    expect(await h.storage.deliveries.known(jan, 'signal', ['sig-after-500'])).toEqual(new Set());
    expect(h.logger.lines.some((l) => l.fields.code === 'afas_functional_error' && l.fields.profitLogReference === 'REF-42')).toBe(true);

    h.sandbox.faults.clear();
    await h.drive(90 * MINUTE);
    expect(h.cardsFor(jan)).toHaveLength(2);
    expect(await h.storage.deliveries.pending({ user: jan, limit: 10 })).toEqual([]);
  });
});
