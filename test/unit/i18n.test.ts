import { en } from '../../src/domain/i18n/en';
import { formatDate, formatDateTime, formatMoment, formatTime } from '../../src/domain/i18n/format-date-time';
import { nl } from '../../src/domain/i18n/nl';
import { CATALOGUES, interpolate, languageFromLocale, translate, translatePlural } from '../../src/domain/i18n/translate';

const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue', () => {
  it('has exactly the same keys in English and Dutch', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders for a key in every language', () => {
    const mismatches = Object.keys(en)
      .map((key) => key as keyof typeof en)
      .filter((key) => placeholdersOf(en[key]).join() !== placeholdersOf(nl[key]).join());
    expect(mismatches).toEqual([]);
  });

  it('has no empty or untrimmed strings', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect({ key, ok: text.trim() === text && text.length > 0 }).toEqual({ key, ok: true });
      }
    }
  });

  it('has both plural forms wherever it has one', () => {
    const keys = Object.keys(en);
    const bases = keys.filter((k) => k.endsWith('.one') || k.endsWith('.other')).map((k) => k.replace(/\.(one|other)$/, ''));
    for (const base of new Set(bases)) expect([keys.includes(`${base}.one`), keys.includes(`${base}.other`)]).toEqual([true, true]);
  });

  it('speaks natural Dutch for the core words', () => {
    expect(nl['list.openAfas']).toBe('Openen in AFAS');
    expect(nl['command.myTasks']).toBe('mijn taken');
    expect(nl['command.mySignals']).toBe('mijn signalen');
    expect(nl['command.summary']).toBe('overzicht');
    expect(nl['command.activate']).toBe('activeren');
    expect(nl['command.deactivate']).toBe('afmelden');
    expect(nl['command.settings']).toBe('instellingen');
  });

  it('explains every known reason why the activation e-mail never arrives', () => {
    for (const lang of ['en', 'nl'] as const) {
      const reasons = ['spam', 'noAddress', 'userGroup', 'blocked', 'mailServer'].map((r) => CATALOGUES[lang][`activation.noMail.${r}` as keyof typeof en]);
      expect(reasons.every((r) => r.length > 20)).toBe(true);
    }
    expect(en['activation.noMail.mailServer']).toContain('Profit 16');
    expect(nl['activation.noMail.mailServer']).toContain('Profit 16');
    expect(en['activation.askUserId']).toContain('12345.jdoe');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'list.from', { name: 'Jan' })).toBe('from Jan');
    expect(translate('nl', 'list.from', { name: 'Jan' })).toBe('van Jan');
    expect(translate('nl', 'error.afasFailed', { reference: 'ABC-123' })).toContain('ABC-123');
  });

  it('leaves a placeholder visible when its parameter is missing, rather than printing "undefined"', () => {
    expect(interpolate('en', 'Hello {name}, {other}', { name: 'Jan' })).toBe('Hello Jan, {other}');
  });

  it('formats numbers for the language', () => {
    expect(translate('en', 'summary.more', { count: 1234 })).toBe('and 1,234 more');
    expect(translate('nl', 'summary.more', { count: 1234 })).toBe('en nog 1.234');
  });

  it('inserts parameter values verbatim, without re-reading placeholders inside them', () => {
    expect(translate('en', 'list.from', { name: '{count} **x**' })).toBe('from {count} **x**');
  });
});

describe('translatePlural', () => {
  it('says "1 open task" and "7 open tasks"', () => {
    expect(translatePlural('en', 'count.openTasks', 1)).toBe('1 open task');
    expect(translatePlural('en', 'count.openTasks', 7)).toBe('7 open tasks');
    expect(translatePlural('en', 'count.openTasks', 0)).toBe('0 open tasks');
  });

  it('says "1 openstaande taak" and "7 openstaande taken"', () => {
    expect(translatePlural('nl', 'count.openTasks', 1)).toBe('1 openstaande taak');
    expect(translatePlural('nl', 'count.openTasks', 7)).toBe('7 openstaande taken');
    expect(translatePlural('nl', 'count.signals', 1)).toBe('1 signaal');
    expect(translatePlural('nl', 'count.signals', 3)).toBe('3 signalen');
  });
});

describe('languageFromLocale', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['nl', 'nl'],
    ['NL-nl', 'nl'],
    ['nl_NL', 'nl'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['fr-BE', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('reads %p as %p', (locale, expected) => {
    expect(languageFromLocale(locale)).toBe(expected);
  });
});

describe('dates and times', () => {
  it('shows a summer instant in Amsterdam time (UTC+2)', () => {
    const instant = new Date('2024-07-01T07:30:00Z');
    expect(formatDateTime('nl', instant)).toBe('1 jul 2024 09:30');
    expect(formatDateTime('en', instant)).toBe('1 Jul 2024 09:30');
  });

  it('shows a winter instant in Amsterdam time (UTC+1)', () => {
    const instant = new Date('2024-01-15T07:30:00Z');
    expect(formatDateTime('nl', instant)).toBe('15 jan 2024 08:30');
    expect(formatDateTime('en', instant)).toBe('15 Jan 2024 08:30');
  });

  it('moves to the next Amsterdam day when UTC is still on the previous one', () => {
    expect(formatDate('nl', new Date('2024-09-01T22:30:00Z'))).toBe('2 sep 2024');
    expect(formatTime('nl', new Date('2024-09-01T22:30:00Z'))).toBe('00:30');
  });

  it('gives only the time for later today and the full date otherwise', () => {
    const now = new Date('2024-07-01T07:30:00Z');
    expect(formatMoment('en', new Date('2024-07-01T09:00:00Z'), now)).toBe('11:00');
    expect(formatMoment('en', new Date('2024-07-02T09:00:00Z'), now)).toBe('2 Jul 2024 11:00');
  });
});
