import type { Activity } from 'botbuilder';
import { DEFAULT_PREFERENCES } from '../../src/domain/user-preferences';
import { actions, nodesOfType, topLevelActionTitles, visibleText } from '../support/card-inspection';
import { BotHarness, type TestUser } from '../support/bot-harness';
import { afasRequests, invokeResponseOf, onlyCard, onlyText, verbsOf } from '../support/transcript';

type Form = Record<string, string>;

/** What each input of a card holds, by id: what Teams would send back if the user changed nothing. */
function formOf(card: unknown): Form {
  const inputs = [...nodesOfType(card, 'Input.Toggle'), ...nodesOfType(card, 'Input.ChoiceSet')];
  return Object.fromEntries(inputs.map((input) => [String(input.id), String(input.value ?? '')]));
}

/** The titles of a choice set's choices. */
function choiceTitles(card: unknown, id: string): string[] {
  const set = nodesOfType(card, 'Input.ChoiceSet').find((input) => input.id === id);
  return ((set?.choices ?? []) as { title: string }[]).map((choice) => choice.title);
}

const DEFAULT_FORM: Form = {
  signalNotifications: 'true',
  taskNotifications: 'false',
  digest: 'true',
  digestTime: '08:30',
  quietStart: 'none',
  quietEnd: 'none',
  language: 'teams',
};

describe('the settings card', () => {
  let h: BotHarness;
  let jan: TestUser;
  let anna: TestUser;

  beforeEach(async () => {
    h = await BotHarness.start();
    const bot = h.newBot();
    jan = h.user(bot, { aadObjectId: 'aad-jan', locale: 'en-US' });
    anna = h.user(bot, { aadObjectId: 'aad-anna', name: 'Anna Bakker', locale: 'nl-NL' });
  });
  afterEach(() => h.close());

  /** Opens the settings, changes some fields, clicks Save; returns the turn's replies. */
  async function save(user: TestUser, changes: Form): Promise<Partial<Activity>[]> {
    const form = formOf(onlyCard(await user.say('settings')));
    return user.click('settings.save', { ...form, ...changes });
  }

  it('"settings" shows the defaults for a user who never changed any, in English', async () => {
    const card = onlyCard(await jan.say('settings'));
    expect(visibleText(card).split('\n')[0]).toBe('Your settings');
    expect(formOf(card)).toEqual(DEFAULT_FORM);
    expect(nodesOfType(card, 'Input.Toggle').map((t) => t.title)).toEqual([
      'A message for every new signal',
      'A message for every new task',
      'A daily summary on working days (Monday to Friday)',
    ]);
    expect(choiceTitles(card, 'language')).toEqual(['Same as Teams (now English)', 'English', 'Nederlands']);
    expect(choiceTitles(card, 'digestTime')).toHaveLength(48);
    expect(choiceTitles(card, 'quietStart').slice(0, 3)).toEqual(['None', '00:00', '00:30']);
    expect(topLevelActionTitles(card)).toEqual(['Save', 'Cancel']);
    expect(verbsOf(card)).toEqual(['settings.save', 'settings.cancel']);
    expect(actions(card).find((a) => a.verb === 'settings.cancel')).toMatchObject({ title: 'Cancel' });
  });

  it('"instellingen" shows the same card in Dutch, without asking AFAS anything', async () => {
    const card = onlyCard(await anna.say('instellingen'));
    const text = visibleText(card);
    expect(text.split('\n')[0]).toBe('Je instellingen');
    expect(text).toContain('Stille tijden');
    expect(nodesOfType(card, 'Input.Toggle')[0].title).toBe('Een bericht bij elk nieuw signaal');
    expect(choiceTitles(card, 'language')[0]).toBe('Zelfde als Teams (nu Nederlands)');
    expect(choiceTitles(card, 'quietEnd')[0]).toBe('Geen');
    expect(topLevelActionTitles(card)).toEqual(['Opslaan', 'Annuleren']);
    expect(afasRequests(h, 'connectors')).toBe(0);
  });

  it('turning signal notifications off and saving stores it and shows the saved state on the same card', async () => {
    const replies = await save(jan, { signalNotifications: 'false' });
    expect(invokeResponseOf(replies).status).toBe(200);
    const card = onlyCard(replies);
    expect(visibleText(card)).toContain('Saved. Your settings apply from now on.');
    expect(formOf(card)).toEqual({ ...DEFAULT_FORM, signalNotifications: 'false' });
    expect(await h.storage.preferences.get(jan.key)).toEqual({ ...DEFAULT_PREFERENCES, signalNotifications: false });
    expect(formOf(onlyCard(await jan.say('settings')))).toEqual({ ...DEFAULT_FORM, signalNotifications: 'false' });
  });

  it('turning task notifications on and the digest off stores both', async () => {
    await save(jan, { taskNotifications: 'true', digest: 'false' });
    expect(await h.storage.preferences.get(jan.key)).toMatchObject({ taskNotifications: true, digest: false, digestTime: '08:30' });
  });

  it('a new digest time is stored and shown', async () => {
    const card = onlyCard(await save(jan, { digestTime: '17:00' }));
    expect(formOf(card).digestTime).toBe('17:00');
    expect((await h.storage.preferences.get(jan.key))?.digestTime).toBe('17:00');
  });

  it('quiet hours across midnight are stored, and choosing "None" for both removes them', async () => {
    expect(formOf(onlyCard(await save(jan, { quietStart: '22:00', quietEnd: '07:00' })))).toMatchObject({ quietStart: '22:00', quietEnd: '07:00' });
    expect((await h.storage.preferences.get(jan.key))?.quietHours).toEqual({ start: '22:00', end: '07:00' });

    await save(jan, { quietStart: 'none', quietEnd: 'none' });
    expect((await h.storage.preferences.get(jan.key))?.quietHours).toBeNull();
  });

  it('keeps a stored time that is not on the half hour selectable instead of losing it', async () => {
    await h.storage.preferences.save(jan.key, { ...DEFAULT_PREFERENCES, digestTime: '08:45' }, h.clock.now());
    const card = onlyCard(await jan.say('settings'));
    expect(formOf(card).digestTime).toBe('08:45');
    expect(choiceTitles(card, 'digestTime')).toContain('08:45');
  });

  it.each<[string, Form, string]>([
    ['a digest time of 25:00', { digestTime: '25:00' }, '"25:00" is not a time for the daily summary. Choose a time from the list.'],
    ['quiet hours with only a start', { quietStart: '22:00' }, 'Quiet hours need both a start and an end. Choose both, or "None" for both.'],
    ['quiet hours with only an end', { quietEnd: '07:00' }, 'Quiet hours need both a start and an end.'],
    ['quiet hours that start and end at the same time', { quietStart: '22:00', quietEnd: '22:00' }, 'Quiet hours start and end at the same time.'],
    ['a quiet-hours time that is no time', { quietStart: '7 pm', quietEnd: '07:00' }, '"7 pm" is not a time for quiet hours.'],
    ['the digest on without a time', { digestTime: '' }, 'Choose a time for the daily summary, or turn it off.'],
  ])('%s is refused with a clear message, keeps what was entered and changes nothing', async (_case, changes, message) => {
    const card = onlyCard(await save(jan, { signalNotifications: 'false', ...changes }));
    const text = visibleText(card);
    expect(text).toContain('Not saved yet. Please correct this first:');
    expect(text).toContain(message);
    expect(text).not.toContain('Saved.');
    expect(formOf(card).signalNotifications).toBe('false');
    for (const [id, value] of Object.entries(changes)) if (/^\d\d:\d\d$/.test(value) && value !== '25:00') expect(formOf(card)[id]).toBe(value);
    expect(await h.storage.preferences.get(jan.key)).toBeNull();
  });

  it('lists every problem of a form at once', async () => {
    const text = visibleText(onlyCard(await save(jan, { digestTime: '99:99', quietStart: '22:00' })));
    expect(text).toContain('"99:99" is not a time for the daily summary.');
    expect(text).toContain('Quiet hours need both a start and an end.');
  });

  it('tells a Dutch user in Dutch what to correct', async () => {
    const text = visibleText(onlyCard(await save(anna, { quietEnd: '07:00' })));
    expect(text).toContain('Nog niet opgeslagen. Pas eerst dit aan:');
    expect(text).toContain('Stille tijden hebben een begin én een eind nodig.');
  });

  it('choosing Nederlands answers in Dutch from the saved card on, and "Same as Teams" goes back to English', async () => {
    const saved = onlyCard(await save(jan, { language: 'nl' }));
    expect(visibleText(saved)).toContain('Opgeslagen. Je instellingen gelden vanaf nu.');
    expect(formOf(saved).language).toBe('nl');
    expect((await h.storage.preferences.get(jan.key))?.language).toBe('nl');
    expect(onlyText(await jan.say('help')).split('\n')[0]).toBe('Wat je mij kunt vragen');

    const back = onlyCard(await save(jan, { language: 'teams' }));
    expect(visibleText(back)).toContain('Saved. Your settings apply from now on.');
    expect((await h.storage.preferences.get(jan.key))?.language).toBeNull();
    expect(onlyText(await jan.say('help')).split('\n')[0]).toBe('What you can ask me');
  });

  it('a Dutch Teams user can choose English', async () => {
    expect(visibleText(onlyCard(await save(anna, { language: 'en' })))).toContain('Saved.');
    expect(onlyText(await anna.say('hulp')).split('\n')[0]).toBe('What you can ask me');
  });

  it('Cancel replaces the card with a short note and stores nothing', async () => {
    await jan.say('settings');
    expect(onlyText(await jan.click('settings.cancel'))).toBe('Nothing has changed. Type "settings" to open your settings again.');
    expect(await h.storage.preferences.get(jan.key)).toBeNull();
  });

  it('a tampered payload gets the stale-button answer and stores nothing', async () => {
    const text = onlyText(await jan.click('settings.save', { ...DEFAULT_FORM, signalNotifications: 'yes please' }));
    expect(text).toContain('This button belongs to an older card.');
    expect(await h.storage.preferences.get(jan.key)).toBeNull();
  });

  it('keeps the preferences the card does not show', async () => {
    await h.storage.preferences.save(jan.key, { ...DEFAULT_PREFERENCES, firstList: 'signal' }, h.clock.now());
    await save(jan, { taskNotifications: 'true' });
    expect(await h.storage.preferences.get(jan.key)).toEqual({ ...DEFAULT_PREFERENCES, firstList: 'signal', taskNotifications: true });
  });
});
