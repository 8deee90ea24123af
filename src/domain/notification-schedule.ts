import { amsterdamOffsetMs, amsterdamWallClockMs } from './amsterdam-time';
import { AppError } from './app-error';
import type { QuietHours } from './user-preferences';

/*
 * When proactive messages may go out: working days, the daily digest time and quiet hours, all
 * on Amsterdam's wall clock (users live by it whatever their device says). Pure: instants in,
 * instants out.
 *
 * "Working day" is Monday to Friday. There is no holiday calendar: a digest still goes out on
 * King's Day or Christmas when it falls on a weekday.
 *
 * Daylight saving: the Netherlands change clocks at 01:00 UTC on the last Sunday of March and of
 * October. Sundays are never working days, so a digest time can never fall in the spring gap or
 * the autumn overlap. Quiet hours can (a Saturday-night window ending at 02:30): a window ending
 * inside the spring gap ends when the clock jumps to 03:00, and in the autumn overlap it ends at
 * the first 02:30 that is still ahead.
 */

/** A wall-clock time of day, as `HH:mm` means it. */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const HOUR_MS = 3_600_000;

/** Reads a strict 24-hour `HH:mm` (`08:30`, `23:59`); null for anything else (`8:30`, `24:00`, `08:30:00`). */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const match = HH_MM.exec(text);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

export function isTimeOfDay(text: unknown): text is string {
  return typeof text === 'string' && HH_MM.test(text);
}

/** `{ hour: 8, minute: 30 }` → `08:30`. */
export function formatTimeOfDay(time: TimeOfDay): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

function timeOfDay(text: string): TimeOfDay {
  const time = parseTimeOfDay(text);
  if (!time) throw new AppError('invalid_time_of_day', 'a time of day must be written HH:mm (00:00 to 23:59)', { details: { length: text.length } });
  return time;
}

const minutesOf = (time: TimeOfDay): number => time.hour * 60 + time.minute;

interface WallDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Amsterdam's calendar date and minute of the day at an instant. */
function amsterdamWall(instant: Date): WallDate & { readonly minuteOfDay: number; readonly weekday: number } {
  const wall = new Date(instant.getTime() + amsterdamOffsetMs(instant));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    weekday: wall.getUTCDay(),
  };
}

function addDays(date: WallDate, days: number): WallDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function at(date: WallDate, time: TimeOfDay): number {
  return amsterdamWallClockMs(date.year, date.month, date.day, time.hour, time.minute);
}

const isWeekday = (weekday: number): boolean => weekday >= 1 && weekday <= 5;

/** Whether the instant falls on Monday to Friday in Amsterdam (no public holidays: see above). */
export function isWorkingDay(instant: Date): boolean {
  return isWeekday(amsterdamWall(instant).weekday);
}

/**
 * The first instant strictly after `after` when Amsterdam's clock shows `digestTime` on a working
 * day. Strictly: passing the moment a digest went out gives the next one, never the same.
 * Throws `invalid_time_of_day` when `digestTime` is not `HH:mm`.
 */
export function nextDigestAt(after: Date, digestTime: string): Date {
  const time = timeOfDay(digestTime);
  const today = amsterdamWall(after);
  // At most 3 days ahead (Friday after the time → Monday); 7 keeps the loop obviously finite.
  for (let days = 0; days <= 7; days++) {
    const date = addDays(today, days);
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    const candidate = at(date, time);
    if (isWeekday(weekday) && candidate > after.getTime()) return new Date(candidate);
  }
  throw new AppError('digest_unschedulable', 'no working day within a week');
}

/** A window is "none" when absent or when it starts and ends at the same minute. */
function window(quietHours: QuietHours | null): { start: TimeOfDay; end: TimeOfDay } | null {
  if (!quietHours) return null;
  const start = timeOfDay(quietHours.start);
  const end = timeOfDay(quietHours.end);
  return minutesOf(start) === minutesOf(end) ? null : { start, end };
}

function insideWindow(minute: number, start: number, end: number): boolean {
  // Start inclusive, end exclusive; a window whose start is later than its end crosses midnight.
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Whether proactive pushes are held at this instant. Throws `invalid_time_of_day` on a malformed window. */
export function inQuietHours(instant: Date, quietHours: QuietHours | null): boolean {
  const w = window(quietHours);
  if (!w) return false;
  return insideWindow(amsterdamWall(instant).minuteOfDay, minutesOf(w.start), minutesOf(w.end));
}

/**
 * When pushes held at `instant` may go out: the end of the quiet-hours window it falls in, or
 * `instant` itself when it is outside quiet hours (or there are none).
 */
export function quietHoursEndAt(instant: Date, quietHours: QuietHours | null): Date {
  const w = window(quietHours);
  const wall = amsterdamWall(instant);
  const start = w ? minutesOf(w.start) : 0;
  const end = w ? minutesOf(w.end) : 0;
  if (!w || !insideWindow(wall.minuteOfDay, start, end)) return instant;
  // Before midnight in a window that crosses it, the end is tomorrow; otherwise today.
  const endDate = start > end && wall.minuteOfDay >= start ? addDays(wall, 1) : wall;
  let endMs = at(endDate, w.end);
  // An end inside the spring gap never shows on the clock: the window ends when the clock jumps,
  // which in Amsterdam is always on a whole UTC hour.
  if (amsterdamWall(new Date(endMs)).minuteOfDay !== end) endMs = Math.floor(endMs / HOUR_MS) * HOUR_MS;
  // In the autumn overlap the wall clock repeats an hour: the first occurrence may already be past.
  if (endMs <= instant.getTime()) endMs += HOUR_MS;
  return new Date(Math.max(endMs, instant.getTime()));
}
