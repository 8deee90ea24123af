import { isAppError } from '../../src/domain/app-error';
import {
  formatTimeOfDay,
  inQuietHours,
  isTimeOfDay,
  isWorkingDay,
  nextDigestAt,
  parseTimeOfDay,
  quietHoursEndAt,
} from '../../src/domain/notification-schedule';
import type { QuietHours } from '../../src/domain/user-preferences';

/*
 * Dates in 2026: summer time starts Sunday 29 March (01:00 UTC, 02:00 → 03:00) and ends Sunday
 * 25 October (01:00 UTC, 03:00 → 02:00). Amsterdam is UTC+1 in winter, UTC+2 in summer.
 */

const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();
const MINUTE = 60_000;

/** An independent reading of Amsterdam's clock (Intl only), to check results against. */
const reader = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function amsterdamClock(instant: Date): { weekday: string; time: string } {
  const parts = Object.fromEntries(reader.formatToParts(instant).map((p) => [p.type, p.value]));
  return { weekday: parts.weekday, time: `${parts.hour}:${parts.minute}` };
}
const WORKING_DAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);

function thrownCode(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
}

describe('HH:mm times of day', () => {
  it.each(['00:00', '08:30', '12:05', '23:59'])('reads %s', (text) => {
    expect(isTimeOfDay(text)).toBe(true);
    const time = parseTimeOfDay(text);
    expect(time).not.toBeNull();
    expect(formatTimeOfDay(time!)).toBe(text);
  });

  it('reads hours and minutes as numbers', () => {
    expect(parseTimeOfDay('08:30')).toEqual({ hour: 8, minute: 30 });
    expect(parseTimeOfDay('23:05')).toEqual({ hour: 23, minute: 5 });
  });

  it.each(['24:00', '25:00', '8:30', '08:60', '08:30:00', ' 08:30', '08:30 ', '0830', '08.30', '', 'noon', '-1:00', '٠٨:٣٠'])('rejects %p', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
    expect(isTimeOfDay(text)).toBe(false);
  });

  it('rejects what is not a string', () => {
    for (const value of [null, undefined, 830, { hour: 8, minute: 30 }]) expect(isTimeOfDay(value)).toBe(false);
  });

  it('writes single digits with a leading zero', () => {
    expect(formatTimeOfDay({ hour: 7, minute: 5 })).toBe('07:05');
  });
});

describe('working days are Monday to Friday on Amsterdam\'s calendar', () => {
  it.each([
    ['2026-03-02T08:00:00Z', true, 'a Monday morning'],
    ['2026-03-06T16:00:00Z', true, 'a Friday afternoon'],
    ['2026-03-07T12:00:00Z', false, 'a Saturday'],
    ['2026-03-08T12:00:00Z', false, 'a Sunday'],
    ['2026-03-01T23:30:00Z', true, 'Sunday in UTC but already 00:30 on Monday in Amsterdam (winter)'],
    ['2026-07-05T22:30:00Z', true, 'Sunday in UTC but already 00:30 on Monday in Amsterdam (summer)'],
    ['2026-03-06T23:30:00Z', false, 'Friday in UTC but already Saturday in Amsterdam'],
    ['2026-03-29T12:00:00Z', false, 'the Sunday summer time starts'],
    ['2026-03-30T06:00:00Z', true, 'the Monday after summer time starts'],
    ['2026-10-25T12:00:00Z', false, 'the Sunday summer time ends'],
    ['2026-12-25T09:00:00Z', true, 'Christmas on a Friday: there is no holiday calendar'],
    ['2026-04-27T09:00:00Z', true, "King's Day on a Monday: there is no holiday calendar"],
  ])('%s is %s (%s)', (instant, expected) => {
    expect(isWorkingDay(at(instant))).toBe(expected);
  });
});

describe('the next daily digest', () => {
  it.each([
    ['2026-03-02T06:00:00Z', '08:30', '2026-03-02T07:30:00.000Z', 'later the same working day (winter: 08:30 is 07:30Z)'],
    ['2026-03-02T07:30:00Z', '08:30', '2026-03-03T07:30:00.000Z', 'exactly at digest time: the next one, not the same'],
    ['2026-03-02T07:29:59Z', '08:30', '2026-03-02T07:30:00.000Z', 'one second before'],
    ['2026-03-06T12:00:00Z', '08:30', '2026-03-09T07:30:00.000Z', 'Friday after digest time: Monday'],
    ['2026-03-07T12:00:00Z', '08:30', '2026-03-09T07:30:00.000Z', 'Saturday: Monday'],
    ['2026-03-27T06:00:00Z', '08:30', '2026-03-27T07:30:00.000Z', 'Friday 27 March before the change: 07:30Z'],
    ['2026-03-27T07:30:00Z', '08:30', '2026-03-30T06:30:00.000Z', 'over the spring change: Monday 30 March is 06:30Z'],
    ['2026-03-29T01:30:00Z', '08:30', '2026-03-30T06:30:00.000Z', 'during the spring-change Sunday'],
    ['2026-10-23T12:00:00Z', '08:30', '2026-10-26T07:30:00.000Z', 'over the autumn change: Monday 26 October is 07:30Z'],
    ['2026-10-23T05:00:00Z', '08:30', '2026-10-23T06:30:00.000Z', 'Friday before the autumn change is still summer time'],
    ['2026-03-29T12:00:00Z', '00:00', '2026-03-29T22:00:00.000Z', 'midnight Monday in summer is Sunday 22:00Z'],
    ['2026-03-08T12:00:00Z', '00:00', '2026-03-08T23:00:00.000Z', 'midnight Monday in winter is Sunday 23:00Z'],
    ['2026-07-03T22:30:00Z', '08:30', '2026-07-06T06:30:00.000Z', 'Friday 22:30Z is Saturday in Amsterdam: Monday'],
    ['2026-07-05T22:30:00Z', '08:30', '2026-07-06T06:30:00.000Z', 'Sunday 22:30Z is Monday 00:30 in Amsterdam: that morning'],
    ['2026-03-02T08:00:00Z', '23:59', '2026-03-02T22:59:00.000Z', 'one minute before midnight'],
    ['2026-03-06T23:30:00Z', '23:59', '2026-03-09T22:59:00.000Z', 'Friday 23:59 just passed: Monday'],
    ['2026-12-24T12:00:00Z', '08:30', '2026-12-25T07:30:00.000Z', 'Christmas Day on a Friday still gets one (no holidays)'],
  ])('after %s at %s: %s (%s)', (after, time, expected) => {
    expect(iso(nextDigestAt(at(after), time))).toBe(expected);
  });

  it('is always a working day at that Amsterdam time, and never skips one, around both changes of 2026', () => {
    const starts = [Date.parse('2026-03-20T00:00:00Z'), Date.parse('2026-10-16T00:00:00Z')];
    for (const start of starts) {
      for (let after = start; after < start + 16 * 86_400_000; after += 5 * 3_600_000 + 7 * MINUTE) {
        for (const time of ['00:00', '01:30', '08:30', '17:45', '23:45']) {
          const next = nextDigestAt(new Date(after), time);
          expect(next.getTime()).toBeGreaterThan(after);
          expect(amsterdamClock(next).time).toBe(time);
          expect(WORKING_DAYS.has(amsterdamClock(next).weekday)).toBe(true);
          // Nothing earlier qualified: walk the quarter hours in between.
          for (let t = Math.ceil((after + 1) / (15 * MINUTE)) * 15 * MINUTE; t < next.getTime(); t += 15 * MINUTE) {
            const clock = amsterdamClock(new Date(t));
            expect(clock.time === time && WORKING_DAYS.has(clock.weekday)).toBe(false);
          }
        }
      }
    }
  });

  it('refuses a digest time that is not HH:mm, with a stable code', () => {
    for (const time of ['25:00', '8:30', '']) expect(thrownCode(() => nextDigestAt(at('2026-03-02T06:00:00Z'), time))).toBe('invalid_time_of_day');
  });
});

describe('quiet hours', () => {
  const evening: QuietHours = { start: '22:00', end: '07:00' };
  const lunch: QuietHours = { start: '12:00', end: '13:30' };

  it('are never in effect when there are none', () => {
    expect(inQuietHours(at('2026-03-02T23:00:00Z'), null)).toBe(false);
  });

  it('are none when start and end are the same minute', () => {
    for (const instant of ['2026-03-02T21:00:00Z', '2026-03-02T03:00:00Z', '2026-03-02T12:00:00Z']) {
      expect(inQuietHours(at(instant), { start: '22:00', end: '22:00' })).toBe(false);
      expect(iso(quietHoursEndAt(at(instant), { start: '22:00', end: '22:00' }))).toBe(iso(at(instant)));
    }
  });

  it.each([
    ['2026-03-02T10:59:00Z', false, '11:59'],
    ['2026-03-02T11:00:00Z', true, '12:00, the start counts'],
    ['2026-03-02T12:29:00Z', true, '13:29'],
    ['2026-03-02T12:30:00Z', false, '13:30, the end does not'],
    ['2026-07-01T10:15:00Z', true, '12:15 in summer'],
    ['2026-07-01T11:45:00Z', false, '13:45 in summer'],
  ])('a same-day window 12:00–13:30 at %s: %s (%s)', (instant, expected) => {
    expect(inQuietHours(at(instant), lunch)).toBe(expected);
  });

  it.each([
    ['2026-03-02T20:59:00Z', false, '21:59'],
    ['2026-03-02T21:00:00Z', true, '22:00'],
    ['2026-03-02T22:59:00Z', true, '23:59'],
    ['2026-03-02T23:00:00Z', true, '00:00'],
    ['2026-03-03T05:59:00Z', true, '06:59'],
    ['2026-03-03T06:00:00Z', false, '07:00'],
    ['2026-03-03T11:00:00Z', false, 'noon'],
    ['2026-07-01T20:30:00Z', true, '22:30 in summer'],
    ['2026-01-15T20:30:00Z', false, '21:30 in winter (the same UTC time)'],
    ['2026-03-07T23:00:00Z', true, 'Sunday 00:00: quiet hours apply every day'],
  ])('a window crossing midnight, 22:00–07:00, at %s: %s (%s)', (instant, expected) => {
    expect(inQuietHours(at(instant), evening)).toBe(expected);
  });

  it('follow the wall clock across the spring change', () => {
    const untilThree: QuietHours = { start: '22:00', end: '03:00' };
    expect(inQuietHours(at('2026-03-29T00:59:00Z'), untilThree)).toBe(true); // 01:59 CET
    expect(inQuietHours(at('2026-03-29T01:00:00Z'), untilThree)).toBe(false); // 03:00 CEST
  });

  it('follow the wall clock across the autumn change, through the repeated hour', () => {
    const untilTwo: QuietHours = { start: '22:00', end: '02:00' };
    expect(inQuietHours(at('2026-10-24T23:59:00Z'), untilTwo)).toBe(true); // 01:59 CEST
    expect(inQuietHours(at('2026-10-25T00:00:00Z'), untilTwo)).toBe(false); // 02:00 CEST
    expect(inQuietHours(at('2026-10-25T00:59:00Z'), untilTwo)).toBe(false); // 02:59 CEST
    expect(inQuietHours(at('2026-10-25T01:00:00Z'), untilTwo)).toBe(false); // 02:00 CET again
  });

  it('refuse a malformed window with a stable code', () => {
    expect(thrownCode(() => inQuietHours(at('2026-03-02T21:00:00Z'), { start: '22:00', end: '7:00' }))).toBe('invalid_time_of_day');
    expect(thrownCode(() => quietHoursEndAt(at('2026-03-02T21:00:00Z'), { start: '25:00', end: '07:00' }))).toBe('invalid_time_of_day');
  });
});

describe('when pushes held in quiet hours may go out', () => {
  const evening: QuietHours = { start: '22:00', end: '07:00' };

  it.each([
    ['2026-03-02T22:00:00Z', evening, '2026-03-03T06:00:00.000Z', 'at 23:00: 07:00 the next morning'],
    ['2026-03-02T21:00:00Z', evening, '2026-03-03T06:00:00.000Z', 'exactly at the start'],
    ['2026-03-03T01:00:00Z', evening, '2026-03-03T06:00:00.000Z', 'after midnight: 07:00 the same morning'],
    ['2026-03-03T05:59:00Z', evening, '2026-03-03T06:00:00.000Z', 'a minute before the end'],
    ['2026-03-02T11:10:00Z', { start: '12:00', end: '13:30' }, '2026-03-02T12:30:00.000Z', 'in a same-day window: its end'],
    ['2026-03-28T22:00:00Z', evening, '2026-03-29T05:00:00.000Z', 'overnight into summer time: 07:00 CEST is 05:00Z'],
    ['2026-10-24T21:00:00Z', evening, '2026-10-25T06:00:00.000Z', 'overnight into winter time: 07:00 CET is 06:00Z'],
    ['2026-03-28T22:00:00Z', { start: '22:00', end: '02:30' }, '2026-03-29T01:00:00.000Z', 'an end in the spring gap: when the clock jumps to 03:00'],
    ['2026-10-24T21:00:00Z', { start: '22:00', end: '02:30' }, '2026-10-25T00:30:00.000Z', 'an end in the repeated autumn hour: its first 02:30'],
    ['2026-10-25T00:15:00Z', { start: '22:00', end: '02:30' }, '2026-10-25T00:30:00.000Z', 'at the first 02:15: the first 02:30'],
    ['2026-10-25T01:15:00Z', { start: '22:00', end: '02:30' }, '2026-10-25T01:30:00.000Z', 'at the second 02:15: the second 02:30, never a moment already past'],
  ])('at %s in %j: %s (%s)', (instant, window, expected) => {
    expect(iso(quietHoursEndAt(at(instant), window))).toBe(expected);
  });

  it('is the instant itself outside quiet hours or without any', () => {
    expect(iso(quietHoursEndAt(at('2026-03-02T12:00:00Z'), evening))).toBe('2026-03-02T12:00:00.000Z');
    expect(iso(quietHoursEndAt(at('2026-03-02T23:00:00Z'), null))).toBe('2026-03-02T23:00:00.000Z');
  });

  it('is always the first moment after the window, never in it, around both changes of 2026', () => {
    const windows: QuietHours[] = [evening, { start: '22:00', end: '02:30' }, { start: '01:00', end: '03:00' }, { start: '02:15', end: '02:45' }, { start: '12:00', end: '13:30' }, { start: '23:30', end: '00:30' }];
    const starts = [Date.parse('2026-03-27T00:00:00Z'), Date.parse('2026-10-23T00:00:00Z')];
    for (const start of starts) {
      for (let t = start; t < start + 4 * 86_400_000; t += 13 * MINUTE) {
        const instant = new Date(t);
        for (const window of windows) {
          const end = quietHoursEndAt(instant, window);
          if (!inQuietHours(instant, window)) {
            expect(end.getTime()).toBe(t);
            continue;
          }
          expect(end.getTime()).toBeGreaterThan(t);
          expect(inQuietHours(end, window)).toBe(false);
          expect(inQuietHours(new Date(end.getTime() - MINUTE), window)).toBe(true);
          expect(end.getTime() - t).toBeLessThanOrEqual(24 * 3_600_000);
        }
      }
    }
  });
});
