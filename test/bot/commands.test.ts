import { normaliseCommandText, parseCommand } from '../../bot/commands';
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
    expect(dedupe.firstTime('a1')).toBe(true);
    expect(dedupe.firstTime('a1')).toBe(false);
    await clock.advance(15_000);
    expect(dedupe.firstTime('a1')).toBe(false);
    await clock.advance(60_000);
    expect(dedupe.firstTime('a1')).toBe(true);
  });

  it('lets activities without id through every time', () => {
    const dedupe = new InboundDedupe(new FakeClock());
    expect(dedupe.firstTime(undefined)).toBe(true);
    expect(dedupe.firstTime(undefined)).toBe(true);
  });
});
