import { CATALOGUES } from '../../src/domain/i18n/translate';
import { actions, topLevelActionTitles, visibleText } from '../support/card-inspection';
import { BotHarness, type TestUser } from '../support/bot-harness';
import { activateByChat, afasRequests, JAN, onlyCard, onlyText, verbsOf } from '../support/transcript';

type Locale = 'en-US' | 'nl-NL';

describe('commands of an activated user, in English and Dutch', () => {
  let h: BotHarness;
  const users = {} as Record<Locale, TestUser>;

  beforeAll(async () => {
    h = await BotHarness.start();
    const bot = h.newBot();
    users['en-US'] = h.user(bot, { locale: 'en-US' });
    users['nl-NL'] = h.user(bot, { locale: 'nl-NL' });
    await activateByChat(h, users['en-US'], JAN);
  });
  afterAll(() => h.close());

  it.each<[string, Locale, string, string]>([
    ['my tasks', 'en-US', 'My tasks', '9 open tasks'],
    ['tasks', 'en-US', 'My tasks', '9 open tasks'],
    ['mijn taken', 'nl-NL', 'Mijn taken', '9 openstaande taken'],
    ['taken', 'nl-NL', 'Mijn taken', '9 openstaande taken'],
    ['my signals', 'en-US', 'My signals', '6 signals'],
    ['signals', 'en-US', 'My signals', '6 signals'],
    ['mijn signalen', 'nl-NL', 'Mijn signalen', '6 signalen'],
    ['signalen', 'nl-NL', 'Mijn signalen', '6 signalen'],
  ])('"%s" (%s) answers with the list, headed and counted in the user\'s language', async (text, locale, title, count) => {
    const lines = visibleText(onlyCard(await users[locale].say(text))).split('\n');
    expect(lines[0]).toBe(title);
    expect(lines[1]).toContain(count);
  });

  it.each<[string, Locale, string, string, string]>([
    ['summary', 'en-US', 'Your AFAS summary', '9 open tasks', '6 signals'],
    ['overzicht', 'nl-NL', 'Je AFAS-overzicht', '9 openstaande taken', '6 signalen'],
  ])('"%s" (%s) answers with both counts at a glance', async (text, locale, title, tasks, signals) => {
    const text_ = onlyText(await users[locale].say(text));
    expect(text_.split('\n')[0]).toBe(title);
    expect(text_).toContain(tasks);
    expect(text_).toContain(signals);
  });

  it('answers in the user\'s language whichever language the command was typed in', async () => {
    expect(onlyText(await users['nl-NL'].say('my tasks'))).toMatch(/^Mijn taken\n9 openstaande taken/);
    expect(onlyText(await users['en-US'].say('mijn signalen'))).toMatch(/^My signals\n6 signals/);
  });

  it.each<[string, Locale, string, string[]]>([
    ['help', 'en-US', 'What you can ask me', ['My tasks', 'My signals', 'Your AFAS summary']],
    ['help', 'nl-NL', 'Wat je mij kunt vragen', ['Mijn taken', 'Mijn signalen', 'Je AFAS-overzicht']],
    ['hulp', 'nl-NL', 'Wat je mij kunt vragen', ['Mijn taken', 'Mijn signalen', 'Je AFAS-overzicht']],
  ])('"%s" (%s) lists the commands, with buttons for the lists once activated', async (text, locale, title, buttons) => {
    const card = onlyCard(await users[locale].say(text));
    expect(visibleText(card).split('\n')[0]).toBe(title);
    expect(topLevelActionTitles(card)).toEqual(buttons);
  });

  it.each<[string, Locale, string, string]>([
    ['what is the weather like', 'en-US', 'I did not understand that.', 'my tasks'],
    ['hoe laat is het', 'nl-NL', 'Dat begreep ik niet.', 'mijn taken'],
  ])('text that is no command ("%s", %s) gets a short help card saying so, not an error', async (text, locale, saying, command) => {
    const shown = onlyText(await users[locale].say(text));
    expect(shown).toContain(saying);
    expect(shown).toContain(command);
    expect(shown).not.toMatch(/went wrong|ging .* mis/);
  });

  it.each<[string, Locale, string, string, string | null]>([
    ['my taks', 'en-US', 'Did you mean "my tasks"?', 'Yes, my tasks', 'tasks'],
    ['mijn signalne', 'nl-NL', 'Bedoel je "mijn signalen"?', 'Ja, mijn signalen', 'signals'],
    ['instelingen', 'nl-NL', 'Bedoel je "instellingen"?', 'Ja, instellingen', 'settings'],
    ['deactivte', 'en-US', 'Did you mean "deactivate"?', 'What can I do?', null],
  ])('a typo ("%s", %s) is answered with "did you mean", not the full help', async (text, locale, question, firstButton, command) => {
    const card = onlyCard(await users[locale].say(text));
    expect(visibleText(card).split('\n')[0]).toBe(question);
    expect(topLevelActionTitles(card)[0]).toBe(firstButton);
    expect(actions(card)[0]?.data).toEqual({ command: command ?? 'help' });
  });

  it.each<[string, Locale, string]>([
    ['<at>AFAS</at> my tasks', 'en-US', 'My tasks'],
    ['<at>AFAS for Teams</at>&nbsp;Mijn taken', 'nl-NL', 'Mijn taken'],
  ])('ignores the @mention Teams puts before the command (%s)', async (text, locale, title) => {
    expect(visibleText(onlyCard(await users[locale].say(text))).split('\n')[0]).toBe(title);
  });

  it.each<[string, Locale, string]>([
    ['settings', 'en-US', 'Your settings'],
    ['instellingen', 'nl-NL', 'Je instellingen'],
  ])('"%s" (%s) opens the settings card (test/bot/settings.test.ts covers it)', async (text, locale, title) => {
    const card = onlyCard(await users[locale].say(text));
    expect(visibleText(card).split('\n')[0]).toBe(title);
    expect(verbsOf(card)).toContain('settings.save');
  });
});

describe('"activate" starts the activation in the user\'s language', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it.each<[string, Locale, RegExp, string]>([
    ['activate', 'en-US', /^Activate AFAS for Teams\nWhich AFAS user are you\?/, 'Send code'],
    ['activeren', 'nl-NL', /^AFAS for Teams activeren\nWie ben je in AFAS\?/, 'Code versturen'],
  ])('"%s" (%s) asks which AFAS user they are', async (text, locale, question, button) => {
    const card = onlyCard(await h.user(h.newBot(), { locale }).say(text));
    expect(visibleText(card)).toMatch(question);
    expect(actions(card).find((a) => a.verb === 'activation.submitUser')?.title).toBe(button);
  });
});

describe('a user who has not activated', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it.each<[string, Locale, string, string]>([
    ['my tasks', 'en-US', 'Link your AFAS user first', 'Activate'],
    ['mijn signalen', 'nl-NL', 'Koppel eerst je AFAS-gebruiker', 'Activeren'],
    ['overzicht', 'nl-NL', 'Koppel eerst je AFAS-gebruiker', 'Activeren'],
  ])('asking "%s" (%s) is offered activation, without a call to AFAS', async (text, locale, title, button) => {
    const card = onlyCard(await h.user(h.newBot(), { locale }).say(text));
    expect(visibleText(card).split('\n')[0]).toBe(title);
    expect(actions(card).filter((a) => a.verb === 'activation.start').map((a) => a.title)).toEqual([button]);
    expect(afasRequests(h, 'connectors')).toBe(0);
  });

  it('is offered the Activate button on the help card instead of the lists', async () => {
    const card = onlyCard(await h.user(h.newBot()).say('help'));
    expect(verbsOf(card)).toEqual(['activation.start']);
  });

  it('clicking "Activate" on the offer asks which AFAS user they are', async () => {
    const user = h.user(h.newBot());
    await user.say('my tasks');
    expect(onlyText(await user.click('activation.start'))).toMatch(/Which AFAS user are you\?/);
  });

  it.each<[string, Locale, string]>([
    ['deactivate', 'en-US', 'You were not activated, so there is nothing to deactivate.'],
    ['afmelden', 'nl-NL', 'Je was niet geactiveerd, dus afmelden is niet nodig.'],
  ])('"%s" (%s) says there is nothing to deactivate', async (text, locale, sentence) => {
    expect(onlyText(await h.user(h.newBot(), { locale }).say(text))).toBe(sentence);
  });
});

describe('deactivating', () => {
  let h: BotHarness;
  let user: TestUser;
  beforeEach(async () => {
    h = await BotHarness.start();
    user = h.user(h.newBot());
    await activateByChat(h, user, JAN);
  });
  afterEach(() => h.close());

  it.each<[string, Locale, string, string[]]>([
    ['deactivate', 'en-US', 'Deactivate AFAS for Teams?', ['Deactivate', 'Cancel']],
    ['sign out', 'en-US', 'Deactivate AFAS for Teams?', ['Deactivate', 'Cancel']],
    ['afmelden', 'nl-NL', 'Afmelden bij AFAS for Teams?', ['Afmelden', 'Annuleren']],
  ])('"%s" (%s) asks to confirm with a card and changes nothing yet', async (text, locale, title, buttons) => {
    const card = onlyCard(await h.user(h.newBot(), { locale }).say(text));
    expect(visibleText(card).split('\n')[0]).toBe(title);
    expect(topLevelActionTitles(card)).toEqual(buttons);
    expect(verbsOf(card)).toEqual(['deactivate.confirm', 'deactivate.cancel']);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });

  it('confirming deletes the token, says so on the card, and the lists need activation again', async () => {
    await user.say('sign out');
    expect(onlyText(await user.click('deactivate.confirm'))).toBe('Deactivated. Type "activate" to link your AFAS user again.');
    expect(await h.storage.activations.get(user.key)).toBeNull();
    expect(await h.storage.activations.getToken(user.key)).toBeNull();
    expect(onlyText(await user.say('my tasks'))).toMatch(/^Link your AFAS user first/);
  });

  it('confirming in Dutch answers in Dutch', async () => {
    const dutch = h.user(h.newBot(), { locale: 'nl-NL' });
    await dutch.say('afmelden');
    expect(onlyText(await dutch.click('deactivate.confirm'))).toBe('Je bent afgemeld. Typ "activeren" om je AFAS-gebruiker opnieuw te koppelen.');
    expect(await h.storage.activations.get(user.key)).toBeNull();
  });

  it('cancelling leaves the activation as it was', async () => {
    await user.say('deactivate');
    expect(onlyText(await user.click('deactivate.cancel'))).toBe('Nothing has changed: you are still activated.');
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
    expect(await h.storage.activations.getToken(user.key)).not.toBeNull();
    expect(onlyText(await user.say('my tasks'))).toMatch(/^My tasks\n9 open tasks/);
  });
});

describe('choosing the language', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it('"nederlands" on an English Teams client makes every later answer Dutch', async () => {
    const user = h.user(h.newBot(), { locale: 'en-US' });
    expect(onlyText(await user.say('nederlands'))).toBe(CATALOGUES.nl['language.set']);
    expect(visibleText(onlyCard(await user.say('help'))).split('\n')[0]).toBe('Wat je mij kunt vragen');
    expect(visibleText(onlyCard(await user.say('my tasks'))).split('\n')[0]).toBe('Koppel eerst je AFAS-gebruiker');
  });

  it('"english" on a Dutch Teams client switches back to English, and the choice survives a restart', async () => {
    await h.user(h.newBot(), { locale: 'nl-NL' }).say('english');
    const afterRestart = h.user(h.newBot(), { locale: 'nl-NL' });
    expect(visibleText(onlyCard(await afterRestart.say('hulp'))).split('\n')[0]).toBe('What you can ask me');
  });

  it('the help card lists the language command in both languages', async () => {
    expect(onlyText(await h.user(h.newBot()).say('help'))).toContain('nederlands / english');
    expect(onlyText(await h.user(h.newBot(), { locale: 'nl-NL' }).say('help'))).toContain('nederlands / english');
  });

  it('switching language in the middle of the activation keeps the dialog going, now in the new language', async () => {
    const user = h.user(h.newBot(), { locale: 'en-US' });
    await user.say('activate');
    await user.say('nederlands');
    expect(onlyText(await user.say(JAN))).toContain('AFAS is gevraagd een code te mailen');
  });
});
