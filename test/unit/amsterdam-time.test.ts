import { amsterdamOffsetMs, formatAfasDate, formatAfasWireDate, parseAfasDate } from '../../src/domain/amsterdam-time';

describe('AFAS dates are Amsterdam wall clock despite their Z', () => {
  it('reads a winter date one hour behind UTC', () => {
    expect(parseAfasDate('2024-01-15T09:30:00Z')?.toISOString()).toBe('2024-01-15T08:30:00.000Z');
  });

  it('reads a summer date two hours behind UTC', () => {
    expect(parseAfasDate('2024-07-01T09:30:00Z')?.toISOString()).toBe('2024-07-01T07:30:00.000Z');
  });

  it('reads the last minute before and the first minute after the spring change correctly', () => {
    expect(parseAfasDate('2024-03-31T01:59:00Z')?.toISOString()).toBe('2024-03-31T00:59:00.000Z');
    expect(parseAfasDate('2024-03-31T03:00:00Z')?.toISOString()).toBe('2024-03-31T01:00:00.000Z');
  });

  it('reads a wall clock inside the spring gap as the moment just after it', () => {
    // 02:30 never happened on 31 March 2024: clocks jumped from 02:00 to 03:00.
    expect(parseAfasDate('2024-03-31T02:30:00Z')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  it('reads an ambiguous autumn wall clock as its first (summer-time) occurrence', () => {
    expect(parseAfasDate('2024-10-27T02:30:00Z')?.toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(parseAfasDate('2024-10-27T03:30:00Z')?.toISOString()).toBe('2024-10-27T02:30:00.000Z');
  });

  it('accepts dates without time, without Z and with fractions', () => {
    expect(parseAfasDate('2024-01-15')?.toISOString()).toBe('2024-01-14T23:00:00.000Z');
    expect(parseAfasDate('2024-01-15T09:30:00')?.toISOString()).toBe('2024-01-15T08:30:00.000Z');
    expect(parseAfasDate('2024-01-15T09:30:00.250Z')?.toISOString()).toBe('2024-01-15T08:30:00.250Z');
  });

  it('returns null for text that is not a date', () => {
    for (const text of ['', 'morgen', '2024-02-30T10:00:00Z', '2024-13-01', '2024-01-01T25:00:00Z', '<script>']) {
      expect(parseAfasDate(text)).toBeNull();
    }
  });

  it('writes filter values as Amsterdam wall clock without Z, and round-trips', () => {
    const instant = new Date('2024-07-01T07:30:00Z');
    expect(formatAfasDate(instant)).toBe('2024-07-01T09:30:00');
    expect(formatAfasWireDate(instant)).toBe('2024-07-01T09:30:00Z');
    expect(parseAfasDate(formatAfasWireDate(instant))?.toISOString()).toBe(instant.toISOString());
  });

  it('knows the offset in winter and summer', () => {
    expect(amsterdamOffsetMs(new Date('2024-01-01T12:00:00Z'))).toBe(3_600_000);
    expect(amsterdamOffsetMs(new Date('2024-07-01T12:00:00Z'))).toBe(7_200_000);
  });

  it('agrees with the time zone database every quarter hour of two years, DST changes included', () => {
    const reference = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const mismatches: string[] = [];
    for (let t = Date.parse('2024-01-01T00:00:00Z'); t < Date.parse('2026-01-01T00:00:00Z'); t += 15 * 60_000) {
      const expected = reference.format(new Date(t)).replace(' ', 'T');
      if (formatAfasDate(new Date(t)) !== expected) mismatches.push(new Date(t).toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});
