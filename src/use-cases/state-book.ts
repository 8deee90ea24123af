import type { z } from 'zod';
import { isAppError } from '../domain/app-error';
import type { StateStore } from '../ports/state-store';

/** How often a change is tried again after another process wrote the same document meanwhile. */
const WRITE_ATTEMPTS = 5;

/**
 * A per-user document of timestamped entries in the StateStore (sent task cards, task-action
 * claims): read, change, write guarded by the read's eTag (a first document only if nobody created
 * it meanwhile), again on a conflict; only the `maxKept` newest entries are kept.
 */
export async function updateStateBook<T extends { readonly at: number }>(
  state: StateStore,
  key: string,
  schema: z.ZodType<Record<string, T>>,
  maxKept: number,
  change: (book: Record<string, T>) => Record<string, T> | null,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const item = (await state.read([key]))[key];
    const parsed = schema.safeParse(item?.value ?? {});
    const next = change(parsed.success ? parsed.data : {});
    if (next === null) return;
    const kept = Object.fromEntries(Object.entries(next).sort((a, b) => b[1].at - a[1].at).slice(0, maxKept));
    try {
      await state.write([{ key, value: kept, ...(item ? { expectedETag: item.eTag } : { ifAbsent: true }) }]);
      return;
    } catch (error) {
      if (!isAppError(error, 'storage_etag_conflict') || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}
