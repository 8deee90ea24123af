import { ActivityTypes } from 'botbuilder';
import { actions, visibleText } from '../support/card-inspection';
import { BotHarness, TENANT, type TestUser } from '../support/bot-harness';
import { activateByChat, afasRequests, invokeResponseOf, JAN, onlyCard, validCards } from '../support/transcript';

const BOT = { id: '28:afas-bot', name: 'AFAS for Teams' };

describe('Teams re-sending an activity', () => {
  let h: BotHarness;
  let user: TestUser;
  beforeEach(async () => {
    h = await BotHarness.start();
    user = h.user(h.newBot());
    await activateByChat(h, user, JAN);
  });
  afterEach(() => h.close());

  it('a message with an id already handled gets no second answer and no second AFAS call', async () => {
    const first = await user.send({ id: 'retry-1', type: ActivityTypes.Message, text: 'my tasks' });
    expect(validCards(first)).toHaveLength(1);
    const calls = afasRequests(h, 'connectors');
    expect(calls).toBeGreaterThan(0);
    expect(await user.send({ id: 'retry-1', type: ActivityTypes.Message, text: 'my tasks' })).toEqual([]);
    expect(afasRequests(h, 'connectors')).toBe(calls);
  });

  it('a card action with an id already handled is acknowledged without a card or a second AFAS call', async () => {
    const invoke = { id: 'retry-2', type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'list.refresh', data: { kind: 'task', page: 1 } } } };
    expect(validCards(await user.send(invoke))).toHaveLength(1);
    const calls = afasRequests(h, 'connectors');
    const again = await user.send(invoke);
    expect(invokeResponseOf(again).status).toBe(200);
    expect(validCards(again)).toHaveLength(0);
    expect(afasRequests(h, 'connectors')).toBe(calls);
  });

  it('a re-sent activation code is not sent to AFAS twice', async () => {
    await h.storage.activations.remove(user.key);
    await h.clock.advance(60_000);
    await user.say('activate');
    await user.say(JAN);
    const code = h.sandbox.mailbox.latestCodeFor(JAN)!;
    await user.send({ id: 'retry-3', type: ActivityTypes.Message, text: code });
    expect(await user.send({ id: 'retry-3', type: ActivityTypes.Message, text: code })).toEqual([]);
    expect(afasRequests(h, 'otpvalidation')).toBe(2);
  });

  it('a different activity with the same text is answered again', async () => {
    await user.say('my tasks');
    expect(validCards(await user.say('my tasks'))).toHaveLength(1);
  });
});

describe('installing the app', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  const install = (user: TestUser) => user.send({ type: ActivityTypes.InstallationUpdate, action: 'add' });
  const botAdded = (user: TestUser) => user.send({ type: ActivityTypes.ConversationUpdate, membersAdded: [BOT] });

  it('welcomes with what the app does, an Activate button and the way to help', async () => {
    const card = onlyCard(await install(h.user(h.newBot())));
    expect(visibleText(card)).toMatch(/^Welcome to AFAS for Teams\n/);
    expect(actions(card).map((a) => a.title)).toEqual(['Activate', 'What can I do?']);
    expect(actions(card)[0].verb).toBe('activation.start');
  });

  it('welcomes in Dutch on a Dutch client', async () => {
    const card = onlyCard(await install(h.user(h.newBot(), { locale: 'nl-NL' })));
    expect(visibleText(card)).toMatch(/^Welkom bij AFAS for Teams\n/);
    expect(actions(card).map((a) => a.title)).toEqual(['Activeren', 'Wat kan ik doen?']);
  });

  it('the conversationUpdate that follows the install does not welcome a second time', async () => {
    const user = h.user(h.newBot());
    expect(validCards(await install(user))).toHaveLength(1);
    expect(await botAdded(user)).toEqual([]);
  });

  it('when the conversationUpdate comes first, the install after it does not welcome again', async () => {
    const user = h.user(h.newBot());
    expect(validCards(await botAdded(user))).toHaveLength(1);
    expect(await install(user)).toEqual([]);
  });

  it('does not welcome twice across a restart', async () => {
    await install(h.user(h.newBot()));
    expect(await botAdded(h.user(h.newBot()))).toEqual([]);
  });

  it('welcomes once when Teams sends the install and the conversationUpdate at the same moment', async () => {
    const user = h.user(h.newBot());
    const [a, b] = await Promise.all([install(user), botAdded(user)]);
    expect(validCards([...a, ...b])).toHaveLength(1);
  });

  it('a conversationUpdate adding someone else is no reason to welcome', async () => {
    expect(await h.user(h.newBot()).send({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: '29:someone-else', name: 'Someone Else' }] })).toEqual([]);
  });

  it('an already activated user is welcomed without being asked to activate', async () => {
    const user = h.user(h.newBot());
    await activateByChat(h, user, JAN);
    const card = onlyCard(await install(user));
    expect(actions(card).map((a) => [a.verb, a.title])).toEqual([['command.run', 'What can I do?']]);
  });
});

describe('remembering where to send proactive messages', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it('stores the conversation reference on install', async () => {
    const user = h.user(h.newBot());
    await user.send({ type: ActivityTypes.InstallationUpdate, action: 'add' });
    const stored = await h.storage.conversations.get(user.key);
    expect(stored?.status).toBe('active');
    expect(stored?.reference).toMatchObject({ channelId: 'msteams', conversation: { id: 'a:personal-aad-jan', tenantId: TENANT }, bot: { id: BOT.id }, user: { id: '29:aad-jan' } });
    expect(stored?.updatedAt).toEqual(h.clock.now());
  });

  it('retires the reference when the app is removed, and welcomes again on reinstall', async () => {
    const user = h.user(h.newBot());
    await user.send({ type: ActivityTypes.InstallationUpdate, action: 'add' });
    expect(await user.send({ type: ActivityTypes.InstallationUpdate, action: 'remove' })).toEqual([]);
    expect((await h.storage.conversations.get(user.key))?.status).toBe('retired');
    const card = onlyCard(await user.send({ type: ActivityTypes.InstallationUpdate, action: 'add' }));
    expect(visibleText(card)).toMatch(/^Welcome to AFAS for Teams/);
    expect((await h.storage.conversations.get(user.key))?.status).toBe('active');
  });

  it('stores it from any message, even one that is no command, and writes it again only when it changed', async () => {
    const user = h.user(h.newBot());
    expect(await h.storage.conversations.get(user.key)).toBeNull();
    await user.say('hello');
    const first = h.clock.now();
    expect((await h.storage.conversations.get(user.key))?.updatedAt).toEqual(first);
    await h.clock.advance(3_600_000);
    await user.say('help');
    expect((await h.storage.conversations.get(user.key))?.updatedAt).toEqual(first);
    await user.send({ type: ActivityTypes.Message, text: 'help', serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    const stored = await h.storage.conversations.get(user.key);
    expect(stored?.updatedAt).toEqual(h.clock.now());
    expect(stored?.reference).toMatchObject({ serviceUrl: 'https://smba.trafficmanager.net/emea/' });
  });

  it('stores it on card actions too', async () => {
    const user = h.user(h.newBot());
    await user.click('activation.start');
    expect((await h.storage.conversations.get(user.key))?.reference).toMatchObject({ conversation: { id: 'a:personal-aad-jan' } });
  });

  it('a message makes a retired conversation active again', async () => {
    const user = h.user(h.newBot());
    await user.say('help');
    await h.storage.conversations.setStatus(user.key, 'retired', h.clock.now());
    await h.clock.advance(1000);
    await user.say('help');
    expect((await h.storage.conversations.get(user.key))?.status).toBe('active');
  });

  it('keeps each user\'s reference under their own AAD object id', async () => {
    const jan = h.user(h.newBot());
    const fleur = h.user(h.newBot(), { aadObjectId: 'aad-fleur', name: 'Fleur Bakker' });
    await jan.say('help');
    await fleur.say('help');
    expect((await h.storage.conversations.get(fleur.key))?.reference).toMatchObject({ conversation: { id: 'a:personal-aad-fleur' }, user: { id: '29:aad-fleur' } });
    expect((await h.storage.conversations.get(jan.key))?.reference).toMatchObject({ conversation: { id: 'a:personal-aad-jan' } });
  });
});
