import { z } from 'zod';
import { AppError } from '../domain/app-error';
import type { AfasConnection, ConnectionSecrets } from '../domain/afas-connection';
import { DEFAULT_TASK_ACTION_SETTINGS } from '../domain/task-action';
import type { ConnectionStore } from '../ports/connection-store';
import type { SecretBox } from '../ports/secret-box';
import { column, fromFlag, parseJsonColumn, parseRow, toFlag } from './parse-row';
import { connectionSecretOwner } from './secret-owners';
import type { SqlDriver, SqlRow, SqlValue } from './sql-driver';

const fieldMapSchema = z.object({
  id: z.string().optional(),
  title: z.string().optional(),
  from: z.string().optional(),
  date: z.string().optional(),
  type: z.string().optional(),
  opened: z.string().optional(),
  subjectId: z.string().optional(),
});

const taskActionsSchema = z.object({
  enabled: z.boolean().default(DEFAULT_TASK_ACTION_SETTINGS.enabled),
  subjectTasksConnector: z.string().default(DEFAULT_TASK_ACTION_SETTINGS.subjectTasksConnector),
  workflowActionsConnector: z.string().default(DEFAULT_TASK_ACTION_SETTINGS.workflowActionsConnector),
  reactionConnector: z.string().default(DEFAULT_TASK_ACTION_SETTINGS.reactionConnector),
});

const rowSchema = z.object({
  id: column.text,
  tenant_id: column.nullableText,
  name: column.text,
  environment: column.text,
  base_url: column.text,
  insite_url: column.text,
  tasks_connector: column.text,
  signals_connector: column.text,
  task_field_map: column.text,
  signal_field_map: column.text,
  task_url_template: column.nullableText,
  signal_url_template: column.nullableText,
  default_tasks_url: column.text,
  use_default_tasks_url: column.flag,
  default_list: z.enum(['task', 'signal']),
  is_default: column.flag,
  enabled: column.flag,
  task_actions: column.text,
  created_at: column.epochMs,
  updated_at: column.epochMs,
});

const secretsRowSchema = z.object({ api_key_sealed: column.text, environment_key_sealed: column.text });

/** The columns `toConnection` reads, for stores that join connections. */
export const CONNECTION_COLUMNS = Object.keys(rowSchema.shape);
const COLUMNS = CONNECTION_COLUMNS;
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM connections`;
const UPSERT = `INSERT INTO connections (${COLUMNS.join(', ')})
  VALUES (${COLUMNS.map((_c, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`;

function toParams(c: AfasConnection): SqlValue[] {
  return [
    c.id, c.tenantId, c.name, c.environment, c.baseUrl, c.insiteUrl, c.tasksConnector, c.signalsConnector,
    JSON.stringify(c.taskFieldMap), JSON.stringify(c.signalFieldMap), c.taskUrlTemplate, c.signalUrlTemplate,
    c.defaultTasksUrl, toFlag(c.useDefaultTasksUrl), c.defaultList, toFlag(c.isDefault), toFlag(c.enabled),
    JSON.stringify(c.taskActions), c.createdAt.getTime(), c.updatedAt.getTime(),
  ];
}

/** A `connections` row (its non-secret columns) as the domain's connection. */
export function toConnection(raw: SqlRow): AfasConnection {
  const origin = { table: 'connections', key: String(raw.id) };
  const row = parseRow(rowSchema, raw, origin);
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    environment: row.environment,
    baseUrl: row.base_url,
    insiteUrl: row.insite_url,
    tasksConnector: row.tasks_connector,
    signalsConnector: row.signals_connector,
    taskFieldMap: parseJsonColumn(fieldMapSchema, row.task_field_map, 'task_field_map', origin),
    signalFieldMap: parseJsonColumn(fieldMapSchema, row.signal_field_map, 'signal_field_map', origin),
    taskUrlTemplate: row.task_url_template,
    signalUrlTemplate: row.signal_url_template,
    defaultTasksUrl: row.default_tasks_url,
    useDefaultTasksUrl: fromFlag(row.use_default_tasks_url),
    defaultList: row.default_list,
    isDefault: fromFlag(row.is_default),
    enabled: fromFlag(row.enabled),
    taskActions: parseJsonColumn(taskActionsSchema, row.task_actions, 'task_actions', origin),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** AFAS connections; the API key and environment key are sealed (bound to the connection) before they reach the database. */
export class SqlConnectionStore implements ConnectionStore {
  constructor(private readonly db: SqlDriver, private readonly secretBox: SecretBox) {}

  async save(connection: AfasConnection): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (connection.isDefault) {
        // Cleared first: a unique index allows one default per tenant at any moment.
        const sameTenant = connection.tenantId === null ? 'tenant_id IS NULL' : 'tenant_id = $2';
        const params = connection.tenantId === null ? [connection.id] : [connection.id, connection.tenantId];
        await tx.execute(`UPDATE connections SET is_default = 0 WHERE id <> $1 AND is_default = 1 AND ${sameTenant}`, params);
      }
      await tx.execute(UPSERT, toParams(connection));
    });
  }

  async get(id: string): Promise<AfasConnection | null> {
    const rows = await this.db.query(`${SELECT} WHERE id = $1`, [id]);
    return rows.length === 0 ? null : toConnection(rows[0]);
  }

  async list(): Promise<AfasConnection[]> {
    return (await this.db.query(`${SELECT} ORDER BY name, id`)).map(toConnection);
  }

  async listForTenant(tenantId: string): Promise<AfasConnection[]> {
    const rows = await this.db.query(`${SELECT} WHERE tenant_id = $1 OR tenant_id IS NULL ORDER BY name, id`, [tenantId]);
    return rows.map(toConnection);
  }

  async remove(id: string): Promise<boolean> {
    // connection_secrets rows go with it (ON DELETE CASCADE).
    return (await this.db.execute('DELETE FROM connections WHERE id = $1', [id])) > 0;
  }

  async setSecrets(id: string, secrets: ConnectionSecrets): Promise<void> {
    const apiKey = this.secretBox.seal(secrets.apiKey, connectionSecretOwner(id, 'api_key_sealed'));
    const environmentKey = this.secretBox.seal(secrets.environmentKey, connectionSecretOwner(id, 'environment_key_sealed'));
    await this.db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 AS found FROM connections WHERE id = $1', [id]);
      if (exists.length === 0) {
        throw new AppError('storage_not_found', `There is no connection ${id} to store secrets for.`, { details: { connectionId: id } });
      }
      await tx.execute(
        `INSERT INTO connection_secrets (connection_id, api_key_sealed, environment_key_sealed) VALUES ($1, $2, $3)
         ON CONFLICT (connection_id) DO UPDATE SET api_key_sealed = excluded.api_key_sealed,
           environment_key_sealed = excluded.environment_key_sealed`,
        [id, apiKey, environmentKey],
      );
    });
  }

  async getSecrets(id: string): Promise<ConnectionSecrets | null> {
    const rows = await this.db.query('SELECT api_key_sealed, environment_key_sealed FROM connection_secrets WHERE connection_id = $1', [id]);
    if (rows.length === 0) return null;
    const row = parseRow(secretsRowSchema, rows[0], { table: 'connection_secrets', key: id });
    return {
      apiKey: this.secretBox.open(row.api_key_sealed, connectionSecretOwner(id, 'api_key_sealed')),
      environmentKey: this.secretBox.open(row.environment_key_sealed, connectionSecretOwner(id, 'environment_key_sealed')),
    };
  }

  async hasSecrets(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 AS found FROM connection_secrets WHERE connection_id = $1', [id])).length > 0;
  }
}
