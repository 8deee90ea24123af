import type { SecretBox } from '../ports/secret-box';
import type { Storage } from '../ports/storage';
import type { SqlDriver } from './sql-driver';
import { SqlAccessRuleStore } from './sql-access-rule-store';
import { SqlActivationStore } from './sql-activation-store';
import { SqlAppOwnerStore } from './sql-app-owner-store';
import { SqlAuditLog } from './sql-audit-log';
import { SqlConnectionOAuthStore } from './sql-connection-oauth-store';
import { SqlConnectionStore } from './sql-connection-store';
import { SqlConversationStore } from './sql-conversation-store';
import { SqlDeliveryLedger } from './sql-delivery-ledger';
import { SqlOAuthSignInStore } from './sql-oauth-sign-in-store';
import { SqlOAuthTokenStore } from './sql-oauth-token-store';
import { SqlPreferenceStore } from './sql-preference-store';
import { SqlStateStore } from './sql-state-store';
import { StatementTap } from './statement-tap';

/** Every store over one migrated driver; the engine only shows in `engine`. */
export class SqlStorage implements Storage {
  readonly engine: Storage['engine'];
  readonly connections: SqlConnectionStore;
  readonly activations: SqlActivationStore;
  readonly conversations: SqlConversationStore;
  readonly preferences: SqlPreferenceStore;
  readonly deliveries: SqlDeliveryLedger;
  readonly audit: SqlAuditLog;
  readonly state: SqlStateStore;
  readonly accessRules: SqlAccessRuleStore;
  readonly owners: SqlAppOwnerStore;
  readonly connectionOAuth: SqlConnectionOAuthStore;
  readonly oauthTokens: SqlOAuthTokenStore;
  readonly signIns: SqlOAuthSignInStore;

  private readonly driver: StatementTap;

  constructor(engineDriver: SqlDriver, secretBox: SecretBox) {
    const driver = new StatementTap(engineDriver);
    this.driver = driver;
    this.engine = driver.engine;
    this.connections = new SqlConnectionStore(driver, secretBox);
    this.activations = new SqlActivationStore(driver, secretBox);
    this.conversations = new SqlConversationStore(driver);
    this.preferences = new SqlPreferenceStore(driver);
    this.deliveries = new SqlDeliveryLedger(driver);
    this.audit = new SqlAuditLog(driver);
    this.state = new SqlStateStore(driver);
    this.accessRules = new SqlAccessRuleStore(driver);
    this.owners = new SqlAppOwnerStore(driver);
    this.connectionOAuth = new SqlConnectionOAuthStore(driver, secretBox);
    this.oauthTokens = new SqlOAuthTokenStore(driver, secretBox);
    this.signIns = new SqlOAuthSignInStore(driver, secretBox);
  }

  async ping(): Promise<void> {
    await this.driver.query('SELECT 1 AS ok');
  }

  watchStatements(listener: (sql: string) => void): () => void {
    return this.driver.listen(listener);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
