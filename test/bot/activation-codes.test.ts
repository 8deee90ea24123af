import { actions, visibleText } from '../support/card-inspection';
import { BotHarness, type TestUser } from '../support/bot-harness';
import { afasRequests, JAN, onlyCard, onlyText, verbsOf } from '../support/transcript';

/** An 8-digit code that is not the one AFAS mailed. */
function wrongCodeFor(code: string): string {
  return code === '11111111' ? '22222222' : '11111111';
}

describe('entering the activation code', () => {
  let h: BotHarness;
  let user: TestUser;
  let code: string;

  async function startAs(locale: string): Promise<void> {
    user = h.user(h.newBot(), { locale });
    await user.say('activate');
    await user.say(JAN);
    code = h.sandbox.mailbox.latestCodeFor(JAN)!;
  }

  beforeEach(async () => {
    h = await BotHarness.start();
    await startAs('en-US');
  });
  afterEach(() => h.close());

  it.each(['abc', '1234', '12345678901', 'my code is 12345678'])('"%s" cannot be a code: the code card comes back with the problem, and AFAS is not asked', async (typed) => {
    const card = onlyCard(await user.say(typed));
    expect(visibleText(card)).toContain("That doesn't look like the code from the e-mail.");
    expect(actions(card).some((a) => a.verb === 'activation.submitCode')).toBe(true);
    expect(afasRequests(h, 'otpvalidation')).toBe(0);
  });

  it('a code of the wrong form submitted on the card is re-prompted on the card, and AFAS is not asked', async () => {
    const card = onlyCard(await user.click('activation.submitCode', { code: 'abcdefgh' }));
    expect(visibleText(card)).toContain("That doesn't look like the code from the e-mail.");
    expect(afasRequests(h, 'otpvalidation')).toBe(0);
  });

  it('after a code of the wrong form, the right code still activates', async () => {
    await user.say('abc');
    await user.say(code);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('accepts the code with the spaces or dashes people copy along', async () => {
    await user.say(`${code.slice(0, 4)} ${code.slice(4)}`);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('a wrong code shows AFAS\'s own reason and how many tries are left', async () => {
    const text = onlyText(await user.say(wrongCodeFor(code)));
    expect(text).toContain('AFAS did not accept this code: De activatiecode is onjuist. The activation code is incorrect. You can try 2 more times.');
    expect(afasRequests(h, 'otpvalidation')).toBe(1);
    expect(await h.storage.activations.get(user.key)).toBeNull();
  });

  it('a wrong code on the card replaces the card with the reason, and the right code then activates', async () => {
    const card = onlyCard(await user.click('activation.submitCode', { code: wrongCodeFor(code) }));
    expect(visibleText(card)).toContain('AFAS did not accept this code');
    expect(visibleText(card)).toContain('You can try 2 more times.');
    expect(verbsOf(card)).toContain('activation.submitCode');
    await user.click('activation.submitCode', { code });
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('counts down the tries in the singular too', async () => {
    await user.say(wrongCodeFor(code));
    expect(onlyText(await user.say(wrongCodeFor(code)))).toContain('You can try 1 more time.');
  });

  it('says it in Dutch to a Dutch client', async () => {
    await h.close();
    h = await BotHarness.start();
    await startAs('nl-NL');
    expect(onlyText(await user.say(wrongCodeFor(code)))).toContain('AFAS heeft deze code niet geaccepteerd: De activatiecode is onjuist. The activation code is incorrect. Je kunt het nog 2 keer proberen.');
  });

  it('when the code is wrong three times, the dialog ends and says how to start again', async () => {
    await user.say(wrongCodeFor(code));
    await user.say(wrongCodeFor(code));
    const card = onlyCard(await user.say(wrongCodeFor(code)));
    expect(visibleText(card)).toBe('The code was wrong 3 times, so this activation has stopped. Start again to have AFAS e-mail you a new code.');
    expect(actions(card).map((a) => [a.verb, a.title])).toEqual([['activation.start', 'Start again']]);
    expect(afasRequests(h, 'otpvalidation')).toBe(3);
  });

  it('after three wrong codes, a further typed code is not sent to AFAS and activates nothing', async () => {
    for (let i = 0; i < 3; i++) await user.say(wrongCodeFor(code));
    const text = onlyText(await user.say(code));
    expect(text).toContain('I did not understand that.');
    expect(afasRequests(h, 'otpvalidation')).toBe(3);
    expect(await h.storage.activations.get(user.key)).toBeNull();
  });

  it('after three wrong codes, a code submitted on an old card is not sent to AFAS either', async () => {
    for (let i = 0; i < 3; i++) await user.say(wrongCodeFor(code));
    expect(onlyText(await user.click('activation.submitCode', { code }))).toBe('There is no activation in progress. Start again to have AFAS e-mail you a code.');
    expect(afasRequests(h, 'otpvalidation')).toBe(3);
  });

  it('"Start again" after three wrong codes has AFAS mail a new code, which activates', async () => {
    for (let i = 0; i < 3; i++) await user.say(wrongCodeFor(code));
    await h.clock.advance(60_000);
    await user.click('activation.start');
    expect(onlyText(await user.click('activation.submitUser', { afasUserId: JAN }))).toContain('AFAS has been asked to e-mail a code');
    expect(h.sandbox.mailbox.messages()).toHaveLength(2);
    await user.say(h.sandbox.mailbox.latestCodeFor(JAN)!);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('"Start again" within a minute of three wrong codes does not claim that a new code was requested', async () => {
    for (let i = 0; i < 3; i++) await user.say(wrongCodeFor(code));
    await user.click('activation.start');
    const text = onlyText(await user.click('activation.submitUser', { afasUserId: JAN }));
    expect(h.sandbox.mailbox.messages()).toHaveLength(1);
    expect(text).toContain('09:01');
    expect(text).not.toContain('AFAS has been asked to e-mail a code');
  });

  it('"Start again" within a minute of three wrong codes does not refuse the next code as wrong three times without asking AFAS', async () => {
    for (let i = 0; i < 3; i++) await user.say(wrongCodeFor(code));
    await user.click('activation.start');
    await user.click('activation.submitUser', { afasUserId: JAN });
    const text = onlyText(await user.say(code));
    expect(text).not.toContain('The code was wrong 3 times');
  });

  it('a code AFAS says has expired is shown with AFAS\'s reason', async () => {
    await h.clock.advance(16 * 60_000);
    expect(onlyText(await user.say(code))).toContain('AFAS did not accept this code: De activatiecode is verlopen, vraag een nieuwe code aan.');
  });
});
