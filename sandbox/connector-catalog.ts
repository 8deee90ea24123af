import { AppError } from '../src/domain/app-error';
import { type ConnectorFieldDefinition, SIGNAL_FIELDS, TASK_FIELDS } from './connector-fields';

export type ConnectorKind = 'task' | 'signal';

export interface SandboxConnector {
  readonly id: string;
  readonly description: string;
  readonly kind: ConnectorKind;
  readonly fields: readonly ConnectorFieldDefinition[];
}

interface MutableConnector {
  readonly id: string;
  readonly description: string;
  readonly kind: ConnectorKind;
  fields: ConnectorFieldDefinition[];
}

/**
 * The GetConnectors of the environment and which of them the app connector includes. Pocket_* are
 * the standard ones every Profit environment has; Teams_* are the copies an admin makes for this app.
 */
export class ConnectorCatalog {
  private readonly connectors: MutableConnector[] = [
    { id: 'Teams_Tasks', description: 'AFAS for Teams: mijn taken', kind: 'task', fields: [...TASK_FIELDS] },
    { id: 'Teams_Signals', description: 'AFAS for Teams: mijn signalen', kind: 'signal', fields: [...SIGNAL_FIELDS] },
    { id: 'Pocket_Tasks', description: 'AFAS Pocket: taken', kind: 'task', fields: [...TASK_FIELDS] },
    { id: 'Pocket_Signals', description: 'AFAS Pocket: signalen', kind: 'signal', fields: [...SIGNAL_FIELDS] },
  ];
  private inAppConnector: string[] = this.connectors.map((c) => c.id);

  /** The connector when the app connector includes it (ids are case-insensitive); null otherwise. */
  find(id: string): SandboxConnector | null {
    const connector = this.lookup(id);
    return connector && this.inAppConnector.includes(connector.id) ? connector : null;
  }

  /** What `metainfo` lists, in the app connector's order. */
  listed(): { id: string; description: string }[] {
    return this.inAppConnector.map((id) => this.lookup(id) as MutableConnector).map((c) => ({ id: c.id, description: c.description }));
  }

  setAppConnectorConnectors(ids: readonly string[]): void {
    this.inAppConnector = ids.map((id) => this.known(id).id);
  }

  removeField(connectorId: string, fieldId: string): void {
    const connector = this.known(connectorId);
    const before = connector.fields.length;
    connector.fields = connector.fields.filter((f) => f.id.toLowerCase() !== fieldId.toLowerCase());
    if (connector.fields.length === before) {
      throw new AppError('sandbox_unknown_field', `Connector ${connector.id} has no field "${fieldId}"`);
    }
  }

  private lookup(id: string): MutableConnector | null {
    return this.connectors.find((c) => c.id.toLowerCase() === id.trim().toLowerCase()) ?? null;
  }

  private known(id: string): MutableConnector {
    const connector = this.lookup(id);
    if (!connector) throw new AppError('sandbox_unknown_connector', `The sandbox has no GetConnector "${id}"`);
    return connector;
  }
}
