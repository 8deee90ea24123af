import { actions, visibleText } from '../support/card-inspection';
import { BotHarness, type TestUser } from '../support/bot-harness';
import { activateByChat, JAN, onlyCard, onlyText, PIETER } from '../support/transcript';

const nextData = (card: unknown) => actions(card).find((a) => a.verb === 'list.page' && a.title === 'Next')?.data as Record<string, unknown>;

/** A card whose data is old answers a click with how things stand now, not with the old data. */
describe('clicks on stale cards', () => {
  let h: BotHarness;
  let pieter: TestUser;
  let jan: TestUser;

  beforeAll(async () => {
    h = await BotHarness.start();
    const bot = h.newBot();
    pieter = h.user(bot, { aadObjectId: 'aad-pieter', name: 'Pieter Visser' });
    jan = h.user(bot);
    await activateByChat(h, pieter, PIETER);
    await activateByChat(h, jan, JAN);
  });
  afterAll(() => h.close());

  it('"Next" on a list that changed since the card shows the current list from the top, and says so', async () => {
    const old = nextData(onlyCard(await pieter.say('my tasks')));
    expect(old).toMatchObject({ kind: 'task', page: 2, v: expect.stringMatching(/^[0-9a-f]{8}$/) });
    h.sandbox.addTask(PIETER, { description: 'Arrived after the card' });

    const answer = visibleText(onlyCard(await pieter.click('list.page', old)));
    expect(answer).toMatch(/^My tasks\nThis list has changed since that card\. Here it is as it stands now\.\n131 open tasks/);
    expect(answer).toContain('Page 1 of 14');
    expect(answer).toContain('Arrived after the card');
  });

  it('"Next" on a current card simply pages', async () => {
    const current = nextData(onlyCard(await pieter.say('my tasks')));
    const answer = visibleText(onlyCard(await pieter.click('list.page', current)));
    expect(answer).toContain('Page 2 of 14');
    expect(answer).not.toContain('has changed');
  });

  it('a code form from an earlier activation says the user is linked already, with the lists at hand', async () => {
    const replies = await jan.click('activation.submitCode', { code: '12345678' });
    expect(onlyText(replies)).toBe(`This form is from an earlier activation: Teams is already linked to AFAS user ${JAN}.`);
    expect(actions(onlyCard(replies)).map((a) => a.title)).toEqual(['My tasks', 'My signals']);
    expect(onlyText(await jan.click('activation.resend'))).toContain('already linked');
  });
});
