import { amsterdamWallClockMs, formatAfasDate } from '../src/domain/amsterdam-time';
import type { SignalLanguage } from './demo-users';
import type { SeededRandom } from './seeded-random';

const DAY_MS = 86_400_000;

/** A day as people write it: `14-04-2026` in Dutch, `2026-04-14` in English text. */
export function dayText(instant: Date, language: SignalLanguage): string {
  const [year, month, day] = formatAfasDate(instant).slice(0, 10).split('-');
  return language === 'NL' ? `${day}-${month}-${year}` : `${year}-${month}-${day}`;
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Midnight (Amsterdam) of the day an instant falls on, as AFAS stores date-only fields. */
export function startOfAmsterdamDay(instant: Date): Date {
  const [year, month, day] = formatAfasDate(instant).slice(0, 10).split('-').map(Number);
  return new Date(amsterdamWallClockMs(year, month, day));
}

/**
 * A moment during office hours (Amsterdam, Monday to Friday) about `daysAgo` days before `now`,
 * never later than `now`: people submit tasks at work.
 */
export function officeMomentBefore(now: Date, daysAgo: number, rng: SeededRandom): Date {
  let day = addDays(now, -daysAgo);
  for (;;) {
    const [year, month, date] = formatAfasDate(day).slice(0, 10).split('-').map(Number);
    const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      const moment = new Date(amsterdamWallClockMs(year, month, date, rng.int(8, 17), rng.int(0, 59), rng.int(0, 59)));
      if (moment.getTime() <= now.getTime()) return moment;
    }
    day = addDays(day, -1);
  }
}

/** The ISO week number, for "urenverantwoording week 11". */
export function isoWeek(instant: Date): number {
  const [year, month, date] = formatAfasDate(instant).slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(year, month - 1, date));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
}
