import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { BotHarness } from '../support/bot-harness';
import { everythingShown, JAN } from '../support/transcript';

/** The forms a token can leak in: as stored, its hex payload, and base64 as in the Authorization header. */
function tokenForms(token: string): string[] {
  const hex = /<data>([0-9A-F]+)<\/data>/.exec(token)?.[1];
  expect(hex).toBeDefined();
  return [token, hex!, hex!.toLowerCase(), Buffer.from(token).toString('base64')];
}

describe('secrets stay out of the logs and the chat', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it('after the whole activation path, with its detours and failures, the log holds no code, token or key', async () => {
    const user = h.user(h.newBot());
    const shown: string[] = [];
    const codes: string[] = [];
    const talk = async (turn: Promise<Parameters<typeof everythingShown>[0]>) => shown.push(everythingShown(await turn));

    await talk(user.say('activate'));
    await talk(user.say(JAN));
    codes.push(h.sandbox.mailbox.latestCodeFor(JAN)!);
    await talk(user.say('12-34'));
    await talk(user.say(codes[0] === '11111111' ? '22222222' : '11111111'));
    await h.clock.advance(60_000);
    await talk(user.click('activation.resend'));
    codes.push(h.sandbox.mailbox.latestCodeFor(JAN)!);
    await talk(user.click('activation.submitCode', { code: codes[1] }));
    const token = (await h.storage.activations.getToken(user.key))!;
    expect(token).toMatch(/^<token>/);

    h.sandbox.faults.set({ kind: 'functional-error', profitLogReference: 'PLR-1', path: 'connectors', times: 1 });
    await talk(user.say('my tasks'));
    h.sandbox.faults.set({ kind: 'unavailable', retryAfterSeconds: 3600, times: 1 });
    await talk(user.click('summary.refresh'));
    h.sandbox.faults.set({ kind: 'unauthorized', times: 1 });
    await talk(user.say('my signals'));

    const log = h.logger.text();
    expect(h.logger.lines.length).toBeGreaterThan(0);
    const secrets = [...codes, ...tokenForms(token), DEMO_API_KEY, DEMO_ENVIRONMENT_KEY];
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(log.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    const chat = shown.join('\n');
    for (const secret of [...tokenForms(token), DEMO_API_KEY, DEMO_ENVIRONMENT_KEY]) expect(chat).not.toContain(secret);
  });

  it('a code typed with a typo is not logged either', async () => {
    const user = h.user(h.newBot());
    await user.say('activate');
    await user.say(JAN);
    await user.say('9876543x');
    await user.say('98765432');
    expect(h.logger.text()).not.toContain('9876543');
  });
});
