import type { AfasConnection, ConfiguredConnectionSettings, ConnectionSecrets } from '../domain/afas-connection';
import type { Clock } from '../ports/clock';
import type { ConnectionStore } from '../ports/connection-store';

export const DEFAULT_CONNECTION_ID = 'default';

/** The operator's connection (AFAS_* keys, or the demo sandbox) with its keys. */
export interface DefaultConnectionInput extends ConfiguredConnectionSettings {
  readonly secrets: ConnectionSecrets;
}

/**
 * Makes the connection configured through the AFAS_* keys (or the demo sandbox) the default for
 * every tenant. Runs at each start so that a changed environment key takes effect; field-map
 * overrides and the list order an admin set on it are kept.
 */
export async function registerDefaultConnection(store: ConnectionStore, clock: Clock, input: DefaultConnectionInput): Promise<AfasConnection> {
  const existing = await store.get(DEFAULT_CONNECTION_ID);
  const now = clock.now();
  const connection: AfasConnection = {
    id: DEFAULT_CONNECTION_ID,
    tenantId: null,
    name: input.name,
    environment: input.environment,
    baseUrl: input.baseUrl,
    insiteUrl: input.insiteUrl,
    tasksConnector: input.tasksConnector,
    signalsConnector: input.signalsConnector,
    taskFieldMap: existing?.taskFieldMap ?? {},
    signalFieldMap: existing?.signalFieldMap ?? {},
    taskUrlTemplate: input.taskUrlTemplate,
    signalUrlTemplate: input.signalUrlTemplate,
    defaultTasksUrl: input.defaultTasksUrl,
    useDefaultTasksUrl: input.useDefaultTasksUrl,
    taskActions: input.taskActions,
    defaultList: existing?.defaultList ?? 'task',
    isDefault: true,
    enabled: existing?.enabled ?? true,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await store.save(connection);
  await store.setSecrets(DEFAULT_CONNECTION_ID, input.secrets);
  return connection;
}
