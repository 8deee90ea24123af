import { ActivityTypes } from 'botbuilder';
import { actions, nodesOfType, visibleText } from '../support/card-inspection';
import { expectValidCard } from '../support/adaptive-card-validator';
import { BotHarness, cardsOf } from '../support/bot-harness';
import { afasRequests, invokeResponseOf, JAN, onlyCard, onlyText, validCards, verbsOf } from '../support/transcript';

describe('activating with the code AFAS e-mails', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it('asks for the AFAS user, requests a code, accepts the code and shows the tasks', async () => {
    const user = h.user(h.newBot());
    let cards = cardsOf(await user.say('activate'));
    expect(visibleText(cards[0])).toMatch(/Which AFAS user are you/);

    cards = cardsOf(await user.say(JAN));
    expect(visibleText(cards[0])).toContain(`AFAS has been asked to e-mail a code to the address it holds for ${JAN}`);
    const code = h.sandbox.mailbox.latestCodeFor(JAN);
    expect(code).toMatch(/^\d{8}$/);

    const replies = await user.say(code!);
    cards = cardsOf(replies);
    for (const card of cards) expectValidCard(card);
    expect(visibleText(cards[0])).toContain(`Teams is now linked to AFAS user ${JAN}`);
    expect(visibleText(cards[1])).toMatch(/9 open tasks/);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('says what is waiting right after activating, then shows the task list as a second message', async () => {
    const user = h.user(h.newBot());
    await user.say('activate');
    await user.say(JAN);
    const cards = validCards(await user.say(h.sandbox.mailbox.latestCodeFor(JAN)!));
    expect(cards).toHaveLength(2);
    expect(visibleText(cards[0])).toContain('Right now you have 9 open tasks and 6 signals.');
    expect(visibleText(cards[1]).split('\n').slice(0, 2)).toEqual(['My tasks', expect.stringMatching(/^9 open tasks/)]);
  });

  it('says "500+" right after activating when AFAS holds more signals than one read returns', async () => {
    for (let i = 0; i < 510; i++) h.sandbox.addSignal(JAN, { description: `Signaal ${i}` });
    const user = h.user(h.newBot());
    await user.say('activate');
    await user.say(JAN);
    const cards = validCards(await user.say(h.sandbox.mailbox.latestCodeFor(JAN)!));
    expect(visibleText(cards[0])).toContain('Right now you have 9 open tasks and 500+ signals.');
  });

  it('talks Dutch all the way for a Dutch Teams client', async () => {
    const user = h.user(h.newBot(), { locale: 'nl-NL' });
    expect(onlyText(await user.say('activeren'))).toMatch(/Wie ben je in AFAS\?/);
    expect(onlyText(await user.say(JAN))).toContain(`AFAS is gevraagd een code te mailen naar het adres dat AFAS kent voor ${JAN}`);
    const cards = validCards(await user.say(h.sandbox.mailbox.latestCodeFor(JAN)!));
    expect(visibleText(cards[0])).toContain(`Gelukt: Teams is nu gekoppeld aan AFAS-gebruiker ${JAN}.`);
    expect(visibleText(cards[0])).toContain('Je hebt nu 9 openstaande taken en 6 signalen.');
    expect(visibleText(cards[1])).toMatch(/^Mijn taken\n9 openstaande taken/);
  });

  it('accepts the AFAS user code instead of the e-mail address', async () => {
    const user = h.user(h.newBot());
    await user.say('activate');
    const userCode = h.sandbox.users().find((u) => u.userId === JAN)!.userCode;
    expect(onlyText(await user.say(userCode))).toContain(`for ${userCode}`);
    await user.say(h.sandbox.mailbox.latestCodeFor(JAN)!);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('asks again, without asking AFAS, when the typed user is no e-mail address or user code', async () => {
    const user = h.user(h.newBot());
    await user.say('activate');
    const again = onlyCard(await user.say('Jan de Vries'));
    expect(visibleText(again)).toContain('That is not an AFAS e-mail address or user code. Check it and try again.');
    expect(visibleText(again)).toContain('Which AFAS user are you?');
    expect(afasRequests(h, 'otprequest')).toBe(0);
    expect(onlyText(await user.say(JAN))).toContain('AFAS has been asked to e-mail a code');
    expect(afasRequests(h, 'otprequest')).toBe(1);
  });

  it('sends the code only to the address AFAS holds, and explains why a mail may not come', async () => {
    const user = h.user(h.newBot());
    await user.say('activate');
    const text = onlyText(await user.say('someone.unknown@elsewhere.example'));
    expect(text).toContain('No e-mail after a few minutes? These are the known reasons:');
    expect(text).toContain('The e-mail landed in your spam or quarantine folder.');
    expect(h.sandbox.mailbox.messages()).toHaveLength(0);
  });
});

describe('activating by clicking the cards', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it('start, user and code each replace the card clicked, and the task list arrives as a new message', async () => {
    const user = h.user(h.newBot());
    const userIdCard = onlyCard(await user.click('activation.start'));
    expect(visibleText(userIdCard)).toMatch(/Which AFAS user are you/);
    expect(verbsOf(userIdCard)).toEqual(['activation.submitUser', 'activation.cancel']);

    const codeCard = onlyCard(await user.click('activation.submitUser', { afasUserId: JAN }));
    expect(visibleText(codeCard)).toContain(`AFAS has been asked to e-mail a code to the address it holds for ${JAN}`);
    expect(verbsOf(codeCard)).toContain('activation.submitCode');

    const replies = await user.click('activation.submitCode', { code: h.sandbox.mailbox.latestCodeFor(JAN)! });
    const response = invokeResponseOf(replies);
    expect(response.status).toBe(200);
    expectValidCard(response.body.value);
    expect(visibleText(response.body.value)).toContain(`Done: Teams is now linked to AFAS user ${JAN}.`);
    const messages = replies.filter((r) => r.type === ActivityTypes.Message);
    expect(messages).toHaveLength(1);
    expect(visibleText(onlyCard(messages))).toMatch(/^My tasks\n9 open tasks/);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('a user card submitted with no dialog running starts the activation for that user', async () => {
    const user = h.user(h.newBot());
    expect(onlyText(await user.click('activation.submitUser', { afasUserId: JAN }))).toContain(`for ${JAN}`);
    expect(h.sandbox.mailbox.latestCodeFor(JAN)).toMatch(/^\d{8}$/);
  });

  it('a user card submitted empty asks for the user again, without asking AFAS', async () => {
    const user = h.user(h.newBot());
    await user.click('activation.start');
    const card = onlyCard(await user.click('activation.submitUser', { afasUserId: '' }));
    expect(visibleText(card)).toContain('Enter your AFAS e-mail address or user code.');
    expect(afasRequests(h, 'otprequest')).toBe(0);
  });

  it('a user card submitted with something that is no user id comes back with the input to correct it', async () => {
    const user = h.user(h.newBot());
    await user.click('activation.start');
    const card = onlyCard(await user.click('activation.submitUser', { afasUserId: 'Jan de Vries' }));
    expect(visibleText(card)).toContain('That is not an AFAS e-mail address or user code.');
    // Action.Execute replaces the clicked card: without the input and button the card is a dead end.
    expect(nodesOfType(card, 'Input.Text').map((input) => input.id)).toEqual(['afasUserId']);
    expect(verbsOf(card)).toContain('activation.submitUser');
    expect(afasRequests(h, 'otprequest')).toBe(0);
  });

  it('the welcome offers Activate, which leads into the same dialog', async () => {
    const user = h.user(h.newBot());
    const welcome = onlyCard(await user.send({ type: 'installationUpdate', action: 'add' }));
    expect(actions(welcome).find((a) => a.verb === 'activation.start')?.title).toBe('Activate');
    expect(onlyText(await user.click('activation.start'))).toMatch(/Which AFAS user are you/);
  });
});

describe('activating across a restart', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it('a code typed to a new bot process activates the user whose id the old process took', async () => {
    const before = h.user(h.newBot());
    await before.say('activate');
    await before.say(JAN);

    const after = h.user(h.newBot());
    const cards = validCards(await after.say(h.sandbox.mailbox.latestCodeFor(JAN)!));
    expect(visibleText(cards[0])).toContain(`Teams is now linked to AFAS user ${JAN}`);
    expect((await h.storage.activations.get(after.key))?.afasUserId).toBe(JAN);
  });

  it('a user id typed to a new bot process continues the question the old process asked', async () => {
    await h.user(h.newBot()).say('activate');
    const after = h.user(h.newBot());
    expect(onlyText(await after.say(JAN))).toContain(`for ${JAN}`);
    expect(afasRequests(h, 'otprequest')).toBe(1);
  });
});
