import type { FieldMapOverrides } from './field-map';
import type { TaskActionSettings } from './task-action';
import type { WorkItemKind } from './work-item';

/** The settings of a connection: where AFAS is, which GetConnectors, how items link into InSite. */
export interface ConnectionSettings {
  readonly name: string;
  /** As the admin typed it: `O12345AA`, `12345`, or a full `.../ProfitRestServices` URL. */
  readonly environment: string;
  /** The resolved REST base URL, ending in `/ProfitRestServices`. */
  readonly baseUrl: string;
  readonly insiteUrl: string;
  readonly tasksConnector: string;
  readonly signalsConnector: string;
  readonly taskFieldMap: FieldMapOverrides;
  readonly signalFieldMap: FieldMapOverrides;
  readonly taskUrlTemplate: string | null;
  readonly signalUrlTemplate: string | null;
  readonly defaultTasksUrl: string;
  readonly useDefaultTasksUrl: boolean;
  readonly defaultList: WorkItemKind;
  /** Acting on tasks: the switch and the connector names (see TaskActionSettings). */
  readonly taskActions: TaskActionSettings;
}

/** What the operator configures through the AFAS_* keys; field maps and the list order are the admins'. */
export type ConfiguredConnectionSettings = Omit<ConnectionSettings, 'taskFieldMap' | 'signalFieldMap' | 'defaultList'>;

/**
 * An AFAS Profit environment plus app connector that users of a tenant activate against.
 * Secrets (API key, environment key) are not part of this type: they live encrypted in the
 * connection store and are read only where a call to AFAS needs them.
 */
export interface AfasConnection extends ConnectionSettings {
  readonly id: string;
  /** The Teams tenant it serves; null = every tenant (the connection from the AFAS_* settings). */
  readonly tenantId: string | null;
  readonly isDefault: boolean;
  readonly enabled: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * A connection as admins see it. The API key and environment key are write-only: a view says
 * whether they are set, never what they are.
 */
export interface ConnectionView extends Omit<AfasConnection, 'createdAt' | 'updatedAt'> {
  readonly secrets: { readonly apiKeySet: boolean; readonly environmentKeySet: boolean };
  /** The connection from the AFAS_* settings: only field maps, list order and enabled can change here. */
  readonly fromConfiguration: boolean;
  /** Whether the viewer may change it. */
  readonly changeable: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ConnectionSecrets {
  /** The app connector's API key (API-sleutel). */
  readonly apiKey: string;
  /** The app connector's environment key (Omgevingssleutel). */
  readonly environmentKey: string;
}
