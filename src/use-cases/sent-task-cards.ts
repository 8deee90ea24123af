import { z } from 'zod';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { StateStore } from '../ports/state-store';
import { updateStateBook } from './state-book';

/** Cards kept per user; the oldest drop off first (a card that old is far up the chat). */
export const MAX_KEPT_CARDS = 200;

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

  private update(user: UserKey, change: (book: Record<string, SentTaskCard>) => Record<string, SentTaskCard> | null): Promise<void> {
    return updateStateBook(this.state, this.key(user), bookSchema, MAX_KEPT_CARDS, change);
  }
}
