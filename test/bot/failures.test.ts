import { ActivityTypes } from 'botbuilder';
import { actions, visibleText } from '../support/card-inspection';
import { BotHarness, type TestUser } from '../support/bot-harness';
import { activateByChat, afasRequests, everythingShown, invokeResponseOf, JAN, onlyCard, onlyText, validCards } from '../support/transcript';

const EXPIRED_EN = 'Your activation has expired or was revoked in AFAS. Activate again to continue.';
/** What a stack trace or a raw error looks like when it leaks into a reply. */
const LEAK = /\bat \S+ \(|\.ts:\d+|Error:|AfasError|AppError|afas_[a-z_]+|\bstack\b/;

describe('AFAS failing while the user talks to the bot', () => {
  let h: BotHarness;
  let user: TestUser;
  beforeEach(async () => {
    h = await BotHarness.start();
    user = h.user(h.newBot());
    await activateByChat(h, user, JAN);
  });
  afterEach(() => h.close());

  it('a revoked token marks the activation invalid and offers activation again', async () => {
    h.sandbox.revokeToken((await h.storage.activations.getToken(user.key))!);
    const replies = await user.say('my tasks');
    const card = onlyCard(replies);
    expect(visibleText(card)).toBe(EXPIRED_EN);
    expect(actions(card).map((a) => [a.verb, a.title])).toEqual([['activation.start', 'Activate']]);
    expect((await h.storage.activations.get(user.key))?.status).toBe('invalid');
    expect(everythingShown(replies)).not.toMatch(LEAK);
  });

  it('once marked invalid, the lists offer activation without asking AFAS again', async () => {
    h.sandbox.faults.set({ kind: 'unauthorized', times: 1 });
    await user.say('my tasks');
    const requests = afasRequests(h, 'connectors');
    expect(requests).toBeGreaterThan(0);
    expect(onlyText(await user.say('my signals'))).toBe(EXPIRED_EN);
    expect(afasRequests(h, 'connectors')).toBe(requests);
  });

  it('re-activating after a 401 makes the lists work again', async () => {
    h.sandbox.faults.set({ kind: 'unauthorized', times: 1 });
    await user.say('my tasks');
    expect(onlyText(await user.click('activation.start'))).toMatch(/Which AFAS user are you\?/);
    await h.clock.advance(60_000);
    await user.click('activation.submitUser', { afasUserId: JAN });
    await user.click('activation.submitCode', { code: h.sandbox.mailbox.latestCodeFor(JAN)! });
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
    expect(onlyText(await user.say('my tasks'))).toMatch(/^My tasks\n9 open tasks/);
  });

  it('a 401 on a card button replaces the card with the offer to activate again', async () => {
    h.sandbox.faults.set({ kind: 'unauthorized', times: 1 });
    const replies = await user.click('list.refresh', { kind: 'task', page: 1 });
    expect(invokeResponseOf(replies).status).toBe(200);
    expect(visibleText(onlyCard(replies))).toBe(EXPIRED_EN);
    expect((await h.storage.activations.get(user.key))?.status).toBe('invalid');
  });

  it('says it in Dutch to a Dutch client', async () => {
    h.sandbox.faults.set({ kind: 'unauthorized', times: 1 });
    const card = onlyCard(await h.user(h.newBot(), { locale: 'nl-NL' }).say('mijn taken'));
    expect(visibleText(card)).toBe('Je activatie is verlopen of in AFAS ingetrokken. Activeer opnieuw om verder te gaan.');
    expect(actions(card).map((a) => a.title)).toEqual(['Activeren']);
  });

  it('a 503 with Retry-After says AFAS is in maintenance and until when', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 3600, path: 'connectors' });
    const replies = await user.say('my tasks');
    expect(onlyText(replies)).toBe('AFAS is down for maintenance until about 10:00. Please try again after that.');
    expect(everythingShown(replies)).not.toMatch(LEAK);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('maintenance into the next day names the date as well, in Dutch for a Dutch client', async () => {
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 24 * 3600, path: 'connectors' });
    expect(onlyText(await h.user(h.newBot(), { locale: 'nl-NL' }).say('overzicht'))).toBe(
      'AFAS is tot ongeveer 3 mrt 2026 09:00 in onderhoud. Probeer het daarna opnieuw.',
    );
  });

  it('a 500 with a profitLogReference is one sentence plus the reference, and the reference is logged', async () => {
    h.sandbox.faults.set({ kind: 'functional-error', message: 'Object reference not set to an instance of an object.', profitLogReference: 'PLR-8F3A2C', path: 'connectors' });
    const replies = await user.say('my tasks');
    expect(onlyText(replies)).toBe('AFAS could not handle the request. If this keeps happening, give your AFAS administrator this reference: PLR-8F3A2C');
    expect(everythingShown(replies)).not.toContain('Object reference');
    expect(everythingShown(replies)).not.toMatch(LEAK);
    expect(h.logger.lines.some((l) => l.fields.profitLogReference === 'PLR-8F3A2C')).toBe(true);
  });

  it('a 500 on a card button replaces the card with the reference', async () => {
    h.sandbox.faults.set({ kind: 'functional-error', profitLogReference: 'PLR-77', path: 'connectors' });
    const replies = await user.click('summary.refresh');
    expect(replies.filter((r) => r.type === ActivityTypes.Message)).toHaveLength(0);
    expect(visibleText(onlyCard(replies))).toContain('this reference: PLR-77');
  });

  it('AFAS in maintenance while a code is requested says so and ends the activation dialog', async () => {
    await h.storage.activations.remove(user.key);
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 1800, path: 'otprequest' });
    await user.say('activate');
    expect(onlyText(await user.say(JAN))).toBe('AFAS is down for maintenance until about 09:30. Please try again after that.');
    expect(onlyText(await user.say(JAN))).toContain('I did not understand that.');
  });

  it('AFAS in maintenance while the code is checked says so, keeps waiting for the same code, and accepts it afterwards', async () => {
    await h.storage.activations.remove(user.key);
    await h.clock.advance(60_000);
    await user.say('activate');
    await user.say(JAN);
    const code = h.sandbox.mailbox.latestCodeFor(JAN)!;
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 600, path: 'otpvalidation', times: 1 });
    const replies = await user.say(code);
    const cards = validCards(replies);
    expect(cards).toHaveLength(2);
    expect(visibleText(cards[0])).toBe('AFAS is down for maintenance until about 09:11. Please try again after that.');
    expect(visibleText(cards[1])).toContain('Enter that code below');
    expect(everythingShown(replies)).not.toMatch(LEAK);
    expect(visibleText(validCards(await user.say(code))[0])).toContain('Teams is now linked to AFAS user');
  });
});

describe('a card action whose AFAS call takes too long', () => {
  let h: BotHarness;
  let user: TestUser;
  beforeEach(async () => {
    h = await BotHarness.start({ invokeBudgetMs: 300 });
    user = h.user(h.newBot());
    await activateByChat(h, user, JAN);
  });
  afterEach(() => h.close());

  it('answers within the invoke budget with a fallback card when AFAS hangs', async () => {
    h.sandbox.faults.set({ kind: 'hang', path: 'connectors' });
    const started = Date.now();
    const replies = await user.click('list.refresh', { kind: 'task', page: 1 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(invokeResponseOf(replies).status).toBe(200);
    expect(visibleText(onlyCard(replies))).toBe('AFAS is taking longer than usual. Tap Refresh or try again in a moment.');
    expect(h.logger.lines.some((l) => l.message === 'card action took longer than Teams waits')).toBe(true);
  });

  it('answers within the budget in Dutch when AFAS is slow', async () => {
    h.sandbox.faults.set({ kind: 'latency', ms: 1000, path: 'connectors' });
    const started = Date.now();
    const replies = await h.user(h.newBot(), { locale: 'nl-NL' }).click('summary.refresh');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(visibleText(onlyCard(replies))).toBe('AFAS reageert trager dan normaal. Tik op Vernieuwen of probeer het zo opnieuw.');
  });

  it('a card action AFAS answers in time is not affected by the budget', async () => {
    const replies = await user.click('list.refresh', { kind: 'task', page: 1 });
    expect(visibleText(onlyCard(replies))).toMatch(/^My tasks\n9 open tasks/);
  });
});
