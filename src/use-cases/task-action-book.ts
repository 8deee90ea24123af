import { z } from 'zod';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { StateStore } from '../ports/state-store';
import { updateStateBook } from './state-book';

/** Acts kept per user; the oldest drop off first. */
export const MAX_KEPT_ACTS = 300;
/** A claim older than this is from a process that died mid-call: the task may be acted on again. */
export const STALE_CLAIM_MS = 2 * 60_000;

const resultSchema = z.object({ kind: z.enum(['action', 'comment']), action: z.string().nullable(), title: z.string(), at: z.number() });
const actSchema = z.object({ state: z.enum(['pending', 'done']), at: z.number(), signature: z.string(), result: resultSchema.optional() });
const bookSchema = z.record(z.string(), actSchema);

/** What came of an act, kept so a repeated invoke gets the same answer without a second POST. */
export type StoredResult = z.output<typeof resultSchema>;
type Act = z.output<typeof actSchema>;

export type Claim =
  | { readonly claimed: true }
  /** The same click (same signed action) was done already: answer with its result. */
  | { readonly claimed: false; readonly result: StoredResult }
  /** A click on this task is still with AFAS. */
  | { readonly claimed: false; readonly result: null };

/**
 * One StateStore document per user with the acts claimed on their tasks, written only when they act.
 * Claims are eTag-guarded writes (the first document an atomic create), so of two clicks in two processes (or before and after a restart)
 * only one gets to post to AFAS.
 */
export class TaskActionBook {
  constructor(private readonly state: StateStore) {}

  private key(user: UserKey): string {
    return `task-acts/${userKeyString(user)}`;
  }

  /**
   * Claims the task (`actKey`) for one POST of the action `signature`. Refused while another claim
   * is fresh, and when this very action was done already (then with its result); a task done with
   * another action may be claimed again (AFAS then says whether it is still open).
   */
  async claim(user: UserKey, actKey: string, signature: string, now: number): Promise<Claim> {
    let refusal: Claim | null = null;
    await this.update(user, (book) => {
      const act = book[actKey];
      if (act?.state === 'done' && act.signature === signature && act.result) {
        refusal = { claimed: false, result: act.result };
        return null;
      }
      if (act?.state === 'pending' && now - act.at < STALE_CLAIM_MS) {
        refusal = { claimed: false, result: null };
        return null;
      }
      return { ...book, [actKey]: { state: 'pending', at: now, signature } };
    });
    return refusal ?? { claimed: true };
  }

  /** Records the result of a claimed act (a repeat answers with it), or frees the claim (`null`). */
  async finish(user: UserKey, actKey: string, signature: string, result: StoredResult | null): Promise<void> {
    await this.update(user, (book) => {
      const next = { ...book };
      if (result) next[actKey] = { state: 'done', at: result.at, signature, result };
      else delete next[actKey];
      return next;
    });
  }

  /** Read, change, write with the read's eTag; again on a conflict. `change` returns null to write nothing. */
  private update(user: UserKey, change: (book: Record<string, Act>) => Record<string, Act> | null): Promise<void> {
    return updateStateBook(this.state, this.key(user), bookSchema, MAX_KEPT_ACTS, change);
  }
}
