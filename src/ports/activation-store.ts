import type { Activation } from '../domain/activation';
import type { UserKey } from '../domain/user-key';

/** Per-user activations; the AFAS token is encrypted by the store. */
export interface ActivationStore {
  /** Inserts or replaces the user's activation with a fresh token (status becomes `active`). */
  save(activation: Omit<Activation, 'status' | 'updatedAt'>, token: string): Promise<void>;
  get(user: UserKey): Promise<Activation | null>;
  /** The decrypted token of an active activation; null when there is none or it is invalid. */
  getToken(user: UserKey): Promise<string | null>;
  markInvalid(user: UserKey, at: Date): Promise<void>;
  /** Deletes the activation and its token. */
  remove(user: UserKey): Promise<boolean>;
  /** Active activations in a stable order, a page at a time (`after` = last user of the previous page). */
  listActive(page: { after?: UserKey; limit: number }): Promise<Activation[]>;
  countActive(): Promise<number>;
}
