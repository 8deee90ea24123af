import { BotHarness, type TestUser } from '../support/bot-harness';
import { afasRequests, JAN, onlyText } from '../support/transcript';

const CANCELLED_EN = 'Activation cancelled. Type "activate" whenever you want to try again.';
const CANCELLED_NL = 'Activeren geannuleerd. Typ "activeren" wanneer je het opnieuw wilt proberen.';

describe('cancelling the activation', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  describe('while it asks which AFAS user', () => {
    let user: TestUser;
    beforeEach(async () => {
      user = h.user(h.newBot());
      await user.say('activate');
    });

    it.each(['cancel', 'annuleren', 'stop'])('"%s" leaves the dialog: the user id typed next is no answer, and AFAS is not asked', async (word) => {
      expect(onlyText(await user.say(word))).toBe(CANCELLED_EN);
      expect(onlyText(await user.say(JAN))).toContain('I did not understand that.');
      expect(afasRequests(h, 'otprequest')).toBe(0);
    });

    it('the Cancel button leaves the dialog on the card that was clicked', async () => {
      expect(onlyText(await user.click('activation.cancel'))).toBe(CANCELLED_EN);
      expect(onlyText(await user.say(JAN))).toContain('I did not understand that.');
      expect(afasRequests(h, 'otprequest')).toBe(0);
    });
  });

  describe('while it waits for the code', () => {
    let user: TestUser;
    let code: string;
    beforeEach(async () => {
      user = h.user(h.newBot(), { locale: 'nl-NL' });
      await user.say('activeren');
      await user.say(JAN);
      code = h.sandbox.mailbox.latestCodeFor(JAN)!;
    });

    it.each(['annuleren', 'cancel'])('"%s" leaves the dialog: the code typed next is not treated as a code', async (word) => {
      expect(onlyText(await user.say(word))).toBe(CANCELLED_NL);
      expect(onlyText(await user.say(code))).toContain('Dat begreep ik niet.');
      expect(afasRequests(h, 'otpvalidation')).toBe(0);
      expect(await h.storage.activations.get(user.key)).toBeNull();
    });

    it('the Cancel button leaves the dialog: a code submitted on an old card is not sent to AFAS', async () => {
      expect(onlyText(await user.click('activation.cancel'))).toBe(CANCELLED_NL);
      expect(onlyText(await user.click('activation.submitCode', { code }))).toBe('Er loopt geen activatie. Begin opnieuw, dan mailt AFAS je een code.');
      expect(afasRequests(h, 'otpvalidation')).toBe(0);
      expect(await h.storage.activations.get(user.key)).toBeNull();
    });

    it('"resend" after cancelling requests no code', async () => {
      await user.say('annuleren');
      await h.clock.advance(60_000);
      await user.say('opnieuw');
      expect(afasRequests(h, 'otprequest')).toBe(1);
    });
  });

  it('cancelling on a new bot process ends the dialog the old one started', async () => {
    await h.user(h.newBot()).say('activate');
    const after = h.user(h.newBot());
    expect(onlyText(await after.say('cancel'))).toBe(CANCELLED_EN);
    expect(onlyText(await after.say(JAN))).toContain('I did not understand that.');
    expect(afasRequests(h, 'otprequest')).toBe(0);
  });

  it('a new "activate" replaces the dialog in progress with a fresh question', async () => {
    const user = h.user(h.newBot());
    await user.say('activate');
    await user.say(JAN);
    expect(onlyText(await user.say('activate'))).toMatch(/Which AFAS user are you\?/);
  });
});
