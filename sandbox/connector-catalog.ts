import { AppError } from '../src/domain/app-error';
import { type ConnectorFieldDefinition, SIGNAL_FIELDS, SUBJECT_TASK_FIELDS, TASK_FIELDS, WORKFLOW_ACTION_FIELDS } from './connector-fields';

/** Whose rows a connector reads: the user's tasks or signals, their open workflow tasks, or the workflows' actions. */
export type ConnectorKind = 'task' | 'signal' | 'subjectTask' | 'workflowAction';

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
    { id: 'Profit_Subject_Tasks', description: 'Taken bij dossieritems', kind: 'subjectTask', fields: [...SUBJECT_TASK_FIELDS] },
    { id: 'Profit_Workflowactions', description: 'Acties bij workflowtaken', kind: 'workflowAction', fields: [...WORKFLOW_ACTION_FIELDS] },
  ];
  private readonly updateConnectors = [{ id: 'KnSubjectWorkflowReaction', description: 'Reactie op dossieritem (workflow)' }];
  private updateInAppConnector: string[] = this.updateConnectors.map((c) => c.id);
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

  /** What `metainfo` lists as UpdateConnectors. */
  listedUpdateConnectors(): { id: string; description: string }[] {
    return this.updateConnectors.filter((c) => this.updateInAppConnector.includes(c.id)).map((c) => ({ ...c }));
  }

  /** Whether the app connector includes this UpdateConnector (ids are case-insensitive). */
  hasUpdateConnector(id: string): boolean {
    return this.updateInAppConnector.some((known) => known.toLowerCase() === id.trim().toLowerCase());
  }

  /** Which UpdateConnectors the app connector includes (default: KnSubjectWorkflowReaction). */
  setAppConnectorUpdateConnectors(ids: readonly string[]): void {
    this.updateInAppConnector = ids.map((id) => {
      const known = this.updateConnectors.find((c) => c.id.toLowerCase() === id.trim().toLowerCase());
      if (!known) throw new AppError('sandbox_unknown_connector', `The sandbox has no UpdateConnector "${id}"`);
      return known.id;
    });
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
