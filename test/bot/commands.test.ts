import { normaliseCommandText, parseCommand } from '../../bot/commands';
import { editDistance, suggestCommand } from '../../bot/command-suggestion';
import { InboundDedupe } from '../../bot/inbound-dedupe';
import { FakeClock } from '../fakes/fake-clock';

describe('reading what the user typed', () => {
  it.each([
    ['my tasks', 'tasks'], ['Mijn taken', 'tasks'], ['  TAKEN ', 'tasks'], ['tasks', 'tasks'],
    ['my signals', 'signals'], ['mijn signalen', 'signals'], ['Signalen', 'signals'], ['signals', 'signals'],
    ['summary', 'summary'], ['overzicht', 'summary'],
    ['activate', 'activate'], ['activeren', 'activate'],
    ['deactivate', 'deactivate'], ['sign out', 'deactivate'], ['afmelden', 'deactivate'],
    ['settings', 'settings'], ['instellingen', 'settings'],
    ['help', 'help'], ['resend', 'resend'], ['opnieuw', 'resend'], ['cancel', 'cancel'], ['annuleren', 'cancel'],
  ])('"%s" means %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it('ignores the @mention Teams puts in channel and group messages', () => {
    expect(parseCommand('<at>AFAS</at> my tasks')).toBe('tasks');
    expect(normaliseCommandText('<at>AFAS for Teams</at>&nbsp;Mijn   Taken!')).toBe('mijn taken');
  });

  it('does not guess at anything else', () => {
    expect(parseCommand('what are my tasks today')).toBeNull();
    expect(parseCommand('')).toBeNull();
    expect(parseCommand(undefined)).toBeNull();
  });
});

describe('de-duplicating Teams retries', () => {
  it('handles an activity id once, and again only after the memory expires', async () => {
    const clock = new FakeClock();
    const dedupe = new InboundDedupe(clock, 60_000);
    expect(await dedupe.firstTime('a1')).toBe(true);
    expect(await dedupe.firstTime('a1')).toBe(false);
    await clock.advance(15_000);
    expect(await dedupe.firstTime('a1')).toBe(false);
    await clock.advance(60_000);
    expect(await dedupe.firstTime('a1')).toBe(true);
  });

  it('lets activities without id through every time', async () => {
    const dedupe = new InboundDedupe(new FakeClock());
    expect(await dedupe.firstTime(undefined)).toBe(true);
    expect(await dedupe.firstTime(undefined)).toBe(true);
  });
});

describe('suggestions for typos', () => {
  it.each<[string, string | null]>([
    ['my taks', 'my tasks'],
    ['MY TAKS!!', 'my tasks'],
    ['mijn takne', 'mijn taken'],
    ['sumary', 'summary'],
    ['overzciht', 'overzicht'],
    ['helpp', 'help'],
    ['what is the weather like', null],
    ['hoe laat is het', null],
    ['ok', null],
    ['12345678', null],
  ])('"%s" suggests %s', (text, word) => {
    expect(suggestCommand(text)?.word ?? null).toBe(word);
  });

  it('measures edit distance as insertions, deletions and substitutions', () => {
    expect(editDistance('taks', 'tasks')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
