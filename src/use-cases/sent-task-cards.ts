import { z } from 'zod';
import { isAppError } from '../domain/app-error';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { StateStore } from '../ports/state-store';

/** Cards kept per user; the oldest drop off first (a card that old is far up the chat). */
export const MAX_KEPT_CARDS = 200;
const WRITE_ATTEMPTS = 5;

const cardSchema = z.object({ activityId: z.string(), lang: z.enum(['en', 'nl']), at: z.number() });
const bookSchema = z.record(z.string(), cardSchema);

export type SentTaskCard = z.output<typeof cardSchema>;

/**
 * The activity id of each proactive task card the product sent, per user and dossier item (the
 * newest card wins), in one StateStore document per user, so a card can be updated after the
 * task was acted on elsewhere, also by another process or after a restart.
 */
export class SentTaskCards {
  constructor(private readonly state: StateStore) {}

  private key(user: UserKey): string {
    return `task-cards/${userKeyString(user)}`;
  }

  async get(user: UserKey, subjectId: string): Promise<SentTaskCard | null> {
    const key = this.key(user);
    const parsed = bookSchema.safeParse((await this.state.read([key]))[key]?.value ?? {});
    return parsed.success ? (parsed.data[subjectId] ?? null) : null;
  }

  async remember(user: UserKey, subjectId: string, card: SentTaskCard): Promise<void> {
    await this.update(user, (book) => ({ ...book, [subjectId]: card }));
  }

  /** Forgets the card of a dossier item, unless a newer one (another activity) has taken its place. */
  async forget(user: UserKey, subjectId: string, activityId: string): Promise<void> {
    await this.update(user, (book) => {
      if (book[subjectId]?.activityId !== activityId) return null;
      const next = { ...book };
      delete next[subjectId];
      return next;
    });
  }

  private async update(user: UserKey, change: (book: Record<string, SentTaskCard>) => Record<string, SentTaskCard> | null): Promise<void> {
    const key = this.key(user);
    for (let attempt = 1; ; attempt++) {
      const item = (await this.state.read([key]))[key];
      const parsed = bookSchema.safeParse(item?.value ?? {});
      const next = change(parsed.success ? parsed.data : {});
      if (next === null) return;
      const kept = Object.fromEntries(Object.entries(next).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_KEPT_CARDS));
      try {
        await this.state.write([{ key, value: kept, ...(item ? { expectedETag: item.eTag } : {}) }]);
        return;
      } catch (error) {
        if (!isAppError(error, 'storage_etag_conflict') || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }
}
