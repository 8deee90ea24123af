import type { AccessMode } from '../domain/access-rule';
import type { Activation } from '../domain/activation';
import type { AfasConnection } from '../domain/afas-connection';
import type { UserKey } from '../domain/user-key';

/** An activation with what using it takes, read together (one statement for a "my tasks" turn). */
export interface ActivationInUse {
  readonly activation: Activation;
  /** The decrypted token; null when the activation is invalid. */
  readonly token: string | null;
  /** The connection the activation was made against; null when it no longer exists. */
  readonly connection: AfasConnection | null;
  /** The mode of the access rule for that connection in the user's tenant; null when there is none. */
  readonly accessMode: AccessMode | null;
}

/** Per-user activations; the AFAS token is encrypted by the store. */
export interface ActivationStore {
  /** Inserts or replaces the user's activation with a fresh token (status becomes `active`). */
  save(activation: Omit<Activation, 'status' | 'updatedAt'>, token: string): Promise<void>;
  get(user: UserKey): Promise<Activation | null>;
  /** The activation with its token, its connection and that connection's access mode, in one read. */
  getInUse(user: UserKey): Promise<ActivationInUse | null>;
  /** The decrypted token of an active activation; null when there is none or it is invalid. */
  getToken(user: UserKey): Promise<string | null>;
  markInvalid(user: UserKey, at: Date): Promise<void>;
  /** Deletes the activation and its token. */
  remove(user: UserKey): Promise<boolean>;
  /** Active activations in a stable order, a page at a time (`after` = last user of the previous page). */
  listActive(page: { after?: UserKey; limit: number }): Promise<Activation[]>;
  countActive(): Promise<number>;
}
