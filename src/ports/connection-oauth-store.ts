import type { ConnectionOAuth } from '../domain/afas-auth-mode';

/** Per connection: the auth mode, OAuth client id and scope, and the client secret (sealed by the store). */
export interface ConnectionOAuthStore {
  /** The connection's settings; `CLASSIC_ONLY` when none were saved. */
  get(connectionId: string): Promise<ConnectionOAuth>;
  /** Saves the settings; `clientSecret` undefined keeps the stored one, null removes it. */
  save(connectionId: string, settings: ConnectionOAuth, at: Date, clientSecret?: string | null): Promise<void>;
  /** The decrypted client secret; null when none is set. */
  getClientSecret(connectionId: string): Promise<string | null>;
  /** How many activations of each kind the connection has (active ones). */
  countActivations(connectionId: string): Promise<{ readonly classic: number; readonly oauth: number }>;
}
