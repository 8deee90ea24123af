import type { AfasAvailability } from '../ports/afas-availability';

/** AFAS maintenance pauses in this process, by environment (base URL, case-insensitive as AFAS paths are). */
export class InMemoryAfasAvailability implements AfasAvailability {
  private readonly until = new Map<string, number>();

  async pause(baseUrl: string, until: Date): Promise<void> {
    const key = baseUrl.toLowerCase();
    this.until.set(key, Math.max(this.until.get(key) ?? 0, until.getTime()));
  }

  async pausedUntil(baseUrl: string, now: Date): Promise<Date | null> {
    const key = baseUrl.toLowerCase();
    const until = this.until.get(key);
    if (until === undefined) return null;
    if (until > now.getTime()) return new Date(until);
    this.until.delete(key);
    return null;
  }
}
