/**
 * Job data as text that survives Redis: Dates are tagged (`{"$date": iso}`) on the way in and
 * revived on the way out, so a job's data reads back exactly as the in-process queue hands it over.
 */
export function encodeJobData(data: unknown): string {
  return JSON.stringify(data, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

export function decodeJobData<T>(text: string): T {
  return JSON.parse(text, (_key: string, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = value as { $date?: unknown };
      if (typeof tagged.$date === 'string' && Object.keys(value).length === 1) return new Date(tagged.$date);
    }
    return value;
  }) as T;
}
