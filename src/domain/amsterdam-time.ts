/**
 * AFAS Profit writes dates as `2024-03-01T09:30:00Z`, but the `Z` lies: the value is the wall clock
 * in Europe/Amsterdam. These pure helpers turn such a wall clock into a real instant (DST included)
 * and back, using the platform's time zone database.
 */
export const AMSTERDAM = 'Europe/Amsterdam';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:Z|[+-]00:?00)?$/;

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: AMSTERDAM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallParts(instantMs: number): WallParts {
  const out: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute, second: out.second };
}

const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();

/**
 * Amsterdam's offset for the UTC hour an instant falls in. Its clock changes only on whole UTC
 * hours (01:00 UTC), so one Intl lookup per hour serves every date in it; Intl is slow enough
 * that reading a connector page would otherwise spend most of its time here.
 */
function offsetAt(instantMs: number): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const p = wallParts(start);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The wall clock in Amsterdam at an instant, as milliseconds of a UTC-labelled clock. */
function wallMsAt(instantMs: number): number {
  return instantMs + offsetAt(instantMs);
}

/** Amsterdam's UTC offset in milliseconds at an instant (+1 h in winter, +2 h in summer). */
export function amsterdamOffsetMs(instant: Date): number {
  return wallMsAt(instant.getTime()) - instant.getTime();
}

/**
 * The instant at which Amsterdam's clocks show the given wall clock (fields as in `Date.UTC`).
 * In the autumn overlap the first (summer-time) occurrence is chosen; a wall clock inside the spring
 * gap is read with the winter offset, which lands just after the gap, as a person would mean it.
 */
export function amsterdamWallClockMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const offsets = [...new Set([wall - 86_400_000, wall + 86_400_000].map((t) => wallMsAt(t) - t))].sort((a, b) => b - a);
  for (const offset of offsets) {
    if (wallMsAt(wall - offset) === wall) return wall - offset;
  }
  return wall - Math.min(...offsets);
}

/** Parses an AFAS date (`2024-03-01T09:30:00Z`, `2024-03-01T09:30:00`, `2024-03-01`); null when it is not one. */
export function parseAfasDate(text: string): Date | null {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => (v === undefined ? 0 : Number(v)));
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return new Date(amsterdamWallClockMs(year, month, day, hour, minute, second, ms));
}

/** The Amsterdam wall clock of an instant as AFAS expects it in filters: `YYYY-MM-DDTHH:mm:ss`, no `Z`. */
export function formatAfasDate(instant: Date): string {
  return new Date(wallMsAt(instant.getTime())).toISOString().slice(0, 19);
}

/** The same wall clock written the way AFAS itself sends it (with its misleading `Z`). */
export function formatAfasWireDate(instant: Date): string {
  return `${formatAfasDate(instant)}Z`;
}
