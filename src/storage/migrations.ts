import type { SqlDriver, SqlEngine, SqlExecutor } from './sql-driver';

/** A statement both engines accept, or one spelled per engine where they differ. */
export type MigrationStatement = string | Readonly<Record<SqlEngine, string>>;

export interface Migration {
  /** Applied in ascending order; never renumber or edit a migration that has shipped. */
  readonly id: number;
  readonly name: string;
  readonly statements: readonly MigrationStatement[];
}

/**
 * Conventions: timestamps are epoch ms in BIGINT, flags 0/1 INTEGER, JSON and ciphertext TEXT.
 * Secrets are only ever stored sealed (`*_sealed` columns).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'initial schema',
    statements: [
      `CREATE TABLE connections (
        id TEXT PRIMARY KEY, tenant_id TEXT, name TEXT NOT NULL, environment TEXT NOT NULL,
        base_url TEXT NOT NULL, insite_url TEXT NOT NULL, tasks_connector TEXT NOT NULL,
        signals_connector TEXT NOT NULL, task_field_map TEXT NOT NULL, signal_field_map TEXT NOT NULL,
        task_url_template TEXT, signal_url_template TEXT, default_tasks_url TEXT NOT NULL,
        use_default_tasks_url INTEGER NOT NULL, default_list TEXT NOT NULL, is_default INTEGER NOT NULL,
        enabled INTEGER NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)`,
      'CREATE INDEX connections_by_tenant ON connections (tenant_id)',
      // At most one default per tenant ('' stands for the every-tenant connections).
      `CREATE UNIQUE INDEX connections_one_default ON connections ((COALESCE(tenant_id, ''))) WHERE is_default = 1`,
      `CREATE TABLE connection_secrets (
        connection_id TEXT PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
        api_key_sealed TEXT NOT NULL, environment_key_sealed TEXT NOT NULL)`,
      `CREATE TABLE activations (
        tenant_id TEXT NOT NULL, aad_object_id TEXT NOT NULL, connection_id TEXT NOT NULL,
        afas_user_id TEXT NOT NULL, status TEXT NOT NULL, token_sealed TEXT,
        activated_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, aad_object_id))`,
      'CREATE INDEX activations_by_status ON activations (status, tenant_id, aad_object_id)',
      `CREATE TABLE conversation_references (
        tenant_id TEXT NOT NULL, aad_object_id TEXT NOT NULL, reference TEXT NOT NULL,
        status TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, aad_object_id))`,
      `CREATE TABLE user_preferences (
        tenant_id TEXT NOT NULL, aad_object_id TEXT NOT NULL, preferences TEXT NOT NULL,
        updated_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, aad_object_id))`,
      `CREATE TABLE deliveries (
        tenant_id TEXT NOT NULL, aad_object_id TEXT NOT NULL, kind TEXT NOT NULL, item_id TEXT NOT NULL,
        state TEXT NOT NULL, attempts INTEGER NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, aad_object_id, kind, item_id))`,
      'CREATE INDEX deliveries_by_state ON deliveries (state, created_at)',
      {
        sqlite: `CREATE TABLE audit_events (
          id INTEGER PRIMARY KEY AUTOINCREMENT, at BIGINT NOT NULL, actor TEXT NOT NULL,
          action TEXT NOT NULL, target TEXT NOT NULL, details TEXT NOT NULL)`,
        postgres: `CREATE TABLE audit_events (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL,
          action TEXT NOT NULL, target TEXT NOT NULL, details TEXT NOT NULL)`,
      },
      'CREATE TABLE bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL)',
    ],
  },
  {
    id: 2,
    name: 'access rules, app owners, audit per tenant',
    statements: [
      `CREATE TABLE access_rules (
        tenant_id TEXT NOT NULL, connection_id TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
        mode TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at BIGINT NOT NULL,
        PRIMARY KEY (tenant_id, connection_id))`,
      // entry_key is `upn:<upn>` or `aad:<object id>`; both columns lower case.
      `CREATE TABLE access_entries (
        tenant_id TEXT NOT NULL, connection_id TEXT NOT NULL, entry_key TEXT NOT NULL, upn TEXT, aad_object_id TEXT,
        PRIMARY KEY (tenant_id, connection_id, entry_key),
        FOREIGN KEY (tenant_id, connection_id) REFERENCES access_rules (tenant_id, connection_id) ON DELETE CASCADE)`,
      // scope is the tenant id, or '*' for owners of every tenant.
      `CREATE TABLE app_owners (
        scope TEXT NOT NULL, upn TEXT NOT NULL, aad_object_id TEXT, display_name TEXT, source TEXT NOT NULL,
        added_by TEXT NOT NULL, added_at BIGINT NOT NULL, PRIMARY KEY (scope, upn))`,
      'ALTER TABLE audit_events ADD COLUMN tenant_id TEXT',
      'CREATE INDEX audit_events_by_tenant ON audit_events (tenant_id, id)',
    ],
  },
  {
    id: 3,
    name: 'OAuth activations (issue 14)',
    statements: [
      // No row = classic only, as every connection was before.
      `CREATE TABLE connection_oauth (
        connection_id TEXT PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
        auth_mode TEXT NOT NULL, client_id TEXT, scope TEXT NOT NULL, client_secret_sealed TEXT, updated_at BIGINT NOT NULL)`,
      // token_sealed holds the access token of an OAuth activation; token_version is the refresh compare-and-swap key.
      "ALTER TABLE activations ADD COLUMN auth_kind TEXT NOT NULL DEFAULT 'classic'",
      'ALTER TABLE activations ADD COLUMN refresh_token_sealed TEXT',
      'ALTER TABLE activations ADD COLUMN token_expires_at BIGINT',
      'ALTER TABLE activations ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE activations ADD COLUMN refreshing_until BIGINT',
      // A sign-in in progress: the state's hash is the key, the PKCE verifier is sealed.
      `CREATE TABLE oauth_sign_ins (
        state_hash TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, aad_object_id TEXT NOT NULL, connection_id TEXT NOT NULL,
        verifier_sealed TEXT NOT NULL, surface TEXT NOT NULL, status TEXT NOT NULL, confirmation_hash TEXT,
        tokens_sealed TEXT, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)`,
      'CREATE INDEX oauth_sign_ins_by_user ON oauth_sign_ins (tenant_id, aad_object_id)',
    ],
  },
  {
    id: 4,
    name: 'task actions per connection (issue 13)',
    statements: [
      // JSON: the switch and the connector names; '{}' = the defaults (on, AFAS's documented names).
      "ALTER TABLE connections ADD COLUMN task_actions TEXT NOT NULL DEFAULT '{}'",
    ],
  },
];

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)`;

async function lockAgainstOtherInstances(tx: SqlExecutor): Promise<void> {
  // SQLite's BEGIN IMMEDIATE already serialises writers. On PostgreSQL, two instances starting at once
  // would both see an empty ledger; a transaction-scoped advisory lock (per schema) makes one wait.
  if (tx.engine === 'postgres') {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('afas-for-teams:migrations:' || current_schema()))`);
  }
}

/**
 * Brings the database up to date in one transaction: either every pending migration is applied and
 * recorded, or none is. Safe to run at every start. Returns the ids it applied.
 */
export async function applyMigrations(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.id - b.id);
  return driver.transaction(async (tx) => {
    await lockAgainstOtherInstances(tx);
    await tx.execute(LEDGER);
    const rows = await tx.query('SELECT id FROM schema_migrations');
    const done = new Set(rows.map((row) => Number(row.id)));
    const applied: number[] = [];
    for (const migration of ordered) {
      if (done.has(migration.id)) continue;
      for (const statement of migration.statements) {
        await tx.execute(typeof statement === 'string' ? statement : statement[tx.engine]);
      }
      await tx.execute('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      applied.push(migration.id);
    }
    return applied;
  });
}
