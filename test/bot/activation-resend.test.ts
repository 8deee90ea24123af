import { visibleText } from '../support/card-inspection';
import { BotHarness, type TestUser } from '../support/bot-harness';
import { afasRequests, JAN, onlyCard, onlyText, verbsOf } from '../support/transcript';

const MINUTE = 60_000;

describe('asking for a new activation code', () => {
  let h: BotHarness;
  let user: TestUser;
  const mails = () => h.sandbox.mailbox.messages().length;

  beforeEach(async () => {
    h = await BotHarness.start();
    user = h.user(h.newBot());
    await user.say('activate');
    await user.say(JAN);
  });
  afterEach(() => h.close());

  it('the first code card says when a new code can be requested, and keeps its Resend button for when that time has come', async () => {
    await h.close();
    h = await BotHarness.start();
    user = h.user(h.newBot());
    await user.say('activate');
    const card = onlyCard(await user.say(JAN));
    expect(visibleText(card)).toContain('You can request a new code at 09:01.');
    expect(verbsOf(card)).toContain('activation.resend');
  });

  it('the Resend button pressed too early answers with the time still to wait and sends nothing', async () => {
    await h.clock.advance(30_000);
    const card = onlyCard(await user.click('activation.resend'));
    expect(visibleText(card)).toContain('You can request a new code at 09:01.');
    expect(verbsOf(card)).toEqual(['activation.submitCode', 'activation.resend', 'activation.cancel']);
    expect(mails()).toBe(1);
  });

  it.each(['resend', 'opnieuw', 'nieuwe code'])('typing "%s" after a minute has AFAS mail a new code, and that code activates', async (word) => {
    await h.clock.advance(MINUTE);
    const text = onlyText(await user.say(word));
    expect(text).toContain('A new code has been requested. Use the code from the newest e-mail.');
    expect(mails()).toBe(2);
    await user.say(h.sandbox.mailbox.latestCodeFor(JAN)!);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('the Resend button after a minute has AFAS mail a new code, on the card that was clicked', async () => {
    await h.clock.advance(MINUTE);
    const card = onlyCard(await user.click('activation.resend'));
    expect(visibleText(card)).toContain('A new code has been requested.');
    expect(verbsOf(card)).toContain('activation.submitCode');
    expect(mails()).toBe(2);
  });

  it('the code card shown after the minute has passed offers the Resend button', async () => {
    await h.clock.advance(MINUTE);
    const card = onlyCard(await user.say('not a code'));
    expect(verbsOf(card)).toContain('activation.resend');
  });

  it('within a minute of the last code, resend sends nothing and says when the next is allowed', async () => {
    await h.clock.advance(30_000);
    const text = onlyText(await user.say('resend'));
    expect(text).toContain('You can request a new code at 09:01.');
    expect(text).not.toContain('A new code has been requested');
    expect(mails()).toBe(1);
    expect(afasRequests(h, 'otprequest')).toBe(1);
  });

  it('a second resend within a minute of the first sends nothing and says when', async () => {
    await h.clock.advance(MINUTE);
    await user.click('activation.resend');
    await h.clock.advance(10_000);
    const text = onlyText(await user.click('activation.resend'));
    expect(text).toContain('You can request a new code at 09:02.');
    expect(mails()).toBe(2);
  });

  it('at most five codes an hour: the sixth request says when, and works once the hour is over', async () => {
    for (let resend = 1; resend <= 4; resend++) {
      await h.clock.advance(MINUTE);
      expect(onlyText(await user.say('resend'))).toContain('A new code has been requested.');
    }
    expect(mails()).toBe(5);

    await h.clock.advance(MINUTE);
    expect(onlyText(await user.say('resend'))).toContain('You can request a new code at 10:00.');
    expect(mails()).toBe(5);
    expect(afasRequests(h, 'otprequest')).toBe(5);

    await h.clock.set('2026-03-02T09:00:00Z');
    expect(onlyText(await user.say('resend'))).toContain('A new code has been requested.');
    expect(mails()).toBe(6);
  });

  it('only the newest code works after a resend', async () => {
    const first = h.sandbox.mailbox.latestCodeFor(JAN)!;
    await h.clock.advance(MINUTE);
    await user.say('resend');
    const newest = h.sandbox.mailbox.latestCodeFor(JAN)!;
    if (newest !== first) {
      expect(onlyText(await user.say(first))).toContain('AFAS did not accept this code');
    }
    await user.say(newest);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('after a resend, the code card says when the next code is allowed', async () => {
    await h.clock.advance(MINUTE);
    await user.say('resend');
    await h.clock.advance(10_000);
    const card = onlyCard(await user.say('not a code'));
    expect(visibleText(card)).toContain('You can request a new code at 09:02.');
  });
});

describe('asking for a new code with no activation running', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it.each<[string, string, string]>([
    ['resend', 'en-US', 'There is no activation in progress. Start again to have AFAS e-mail you a code.'],
    ['opnieuw', 'nl-NL', 'Er loopt geen activatie. Begin opnieuw, dan mailt AFAS je een code.'],
  ])('"%s" (%s) says there is nothing to resend, without asking AFAS', async (word, locale, sentence) => {
    expect(onlyText(await h.user(h.newBot(), { locale }).say(word))).toBe(sentence);
    expect(afasRequests(h, 'otprequest')).toBe(0);
  });

  it('the Resend button of an old card says the same, without asking AFAS', async () => {
    expect(onlyText(await h.user(h.newBot()).click('activation.resend'))).toBe('There is no activation in progress. Start again to have AFAS e-mail you a code.');
    expect(afasRequests(h, 'otprequest')).toBe(0);
  });
});
