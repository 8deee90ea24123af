import type { AccessRuleStore } from './access-rule-store';
import type { ActivationStore } from './activation-store';
import type { AppOwnerStore } from './app-owner-store';
import type { AuditLog } from './audit-log';
import type { ConnectionOAuthStore } from './connection-oauth-store';
import type { ConnectionStore } from './connection-store';
import type { ConversationStore } from './conversation-store';
import type { DeliveryLedger } from './delivery-ledger';
import type { OAuthSignInStore } from './oauth-sign-in-store';
import type { OAuthTokenStore } from './oauth-token-store';
import type { PreferenceStore } from './preference-store';
import type { StateStore } from './state-store';

/** Everything the product keeps, on one engine (embedded SQLite or PostgreSQL). */
export interface Storage {
  readonly engine: 'sqlite' | 'postgres';
  readonly connections: ConnectionStore;
  readonly activations: ActivationStore;
  readonly conversations: ConversationStore;
  readonly preferences: PreferenceStore;
  readonly deliveries: DeliveryLedger;
  readonly audit: AuditLog;
  readonly state: StateStore;
  readonly accessRules: AccessRuleStore;
  readonly owners: AppOwnerStore;
  /** Per connection: auth mode and OAuth client (issue 14). */
  readonly connectionOAuth: ConnectionOAuthStore;
  readonly oauthTokens: OAuthTokenStore;
  readonly signIns: OAuthSignInStore;
  /** Resolves when the engine answers a trivial query (for `/readyz`). */
  ping(): Promise<void>;
  /** Tells `listener` the SQL of every statement from now until the returned function is called (what a turn costs). */
  watchStatements(listener: (sql: string) => void): () => void;
  close(): Promise<void>;
}
