import type { Activation } from '../../domain/activation';
import type { AfasConnection } from '../../domain/afas-connection';
import { isAfasError } from '../../domain/afas-error';
import { checkConnectorFields } from '../../domain/connector-field-check';
import { NO_FIELD, REQUIRED_FIELD_KEYS, resolveFieldMap, type FieldMap } from '../../domain/field-map';
import { checkAdviceText, type AdviceParams, type CheckAdviceCode } from '../../domain/i18n/admin-advice';
import { templatePlaceholders } from '../../domain/link-template';
import type { WorkItemKind } from '../../domain/work-item';
import type { ActivationStore } from '../../ports/activation-store';
import type { AfasAuth, AfasClient, AfasClientFactory, MetaInfo } from '../../ports/afas-client';
import type { Clock } from '../../ports/clock';
import type { ConnectionStore } from '../../ports/connection-store';
import { visibleOrNotFound, type AdminScope } from './admin-scope';
import { afasFailureAdvice, type CheckSubject } from './afas-failure-text';
import type { AuditTrail } from './audit-trail';
import type { CheckFinding, ConnectionCheck, ConnectorReport, MissingField } from './connection-check';

export interface TestConnectionDeps {
  readonly connections: ConnectionStore;
  readonly activations: ActivationStore;
  readonly afas: AfasClientFactory;
  readonly trail: AuditTrail;
  readonly clock: Clock;
}

export interface TestConnectionOptions {
  /** Operators: test with the activation of the user who activated with this AFAS user id (or e-mail). */
  readonly asAfasUserId?: string;
}

/** A finding with its advice as code, parameters and the English sentence. */
function finding(check: CheckFinding['check'], status: CheckFinding['status'], code: CheckAdviceCode, params: AdviceParams = {}, extra: { kind?: WorkItemKind; profitLogReference?: string } = {}): CheckFinding {
  return { check, status, code, params, message: checkAdviceText('en', code, params) ?? code, ...extra };
}

/**
 * "Test connection": with the admin's own activation, ProfitVersion, then metainfo (are both
 * GetConnectors in the app connector?), then each connector's fields against the field map.
 */
export class TestConnection {
  constructor(private readonly deps: TestConnectionDeps) {}

  async execute(scope: AdminScope, id: string, options: TestConnectionOptions = {}): Promise<ConnectionCheck> {
    const connection = visibleOrNotFound(scope, await this.deps.connections.get(id), id);
    const check = await this.run(scope, connection, options);
    const problems = check.findings.filter((f) => f.status === 'problem').map((f) => f.check);
    await this.deps.trail.record(scope, 'connection.test', id, { outcome: check.outcome, testedWith: check.testedWith, problems }, connection.tenantId);
    return check;
  }

  private async run(scope: AdminScope, connection: AfasConnection, options: TestConnectionOptions): Promise<ConnectionCheck> {
    const base = { connectionId: connection.id, checkedAt: this.deps.clock.now().toISOString(), profitVersion: null, connectors: unchecked(connection) };
    if (!(await this.deps.connections.hasSecrets(connection.id))) {
      return { ...base, outcome: 'problems', testedWith: null, findings: [finding('secrets', 'problem', 'secretsNotSet')] };
    }
    const activation = await this.activationFor(scope, connection.id, options);
    const token = activation ? await this.deps.activations.getToken(activation.user) : null;
    if (!activation || !token) {
      const advice = options.asAfasUserId ? finding('activation', 'warning', 'notConfirmableAs', { user: options.asAfasUserId }) : finding('activation', 'warning', 'notConfirmable');
      return { ...base, outcome: 'not_confirmable', testedWith: null, findings: [advice] };
    }
    const client = this.deps.afas.forBaseUrl(connection.baseUrl);
    const auth: AfasAuth = { kind: 'afasToken', token };
    const testedWith = activation.afasUserId;
    const findings: CheckFinding[] = [];
    const fail = (check: CheckFinding['check'], subject: CheckSubject, error: unknown): ConnectionCheck => {
      if (!isAfasError(error)) throw error;
      const { code, params } = afasFailureAdvice(error, subject, testedWith, connection.baseUrl);
      findings.push(finding(check, 'problem', code, params, error.profitLogReference ? { profitLogReference: error.profitLogReference } : {}));
      return { ...base, outcome: 'problems', testedWith, findings };
    };

    let profitVersion: string;
    try {
      profitVersion = await client.profitVersion(auth);
    } catch (error) {
      return fail('profitVersion', { subject: 'profitVersion' }, error);
    }
    findings.push(finding('profitVersion', 'ok', 'keysWork', { version: profitVersion, user: testedWith }));
    let meta: MetaInfo;
    try {
      meta = await client.metainfo(auth);
    } catch (error) {
      return { ...fail('metainfo', { subject: 'metainfo' }, error), profitVersion };
    }
    const connectors: ConnectorReport[] = [];
    for (const kind of ['task', 'signal'] as const) connectors.push(await this.checkConnector(client, auth, connection, kind, meta, findings, testedWith));
    if (connection.taskActions.enabled) findings.push(taskActionsFinding(connection, meta));
    const outcome = findings.some((f) => f.status === 'problem') ? 'problems' : 'ok';
    return { ...base, outcome, testedWith, profitVersion, connectors, findings };
  }

  private async checkConnector(client: AfasClient, auth: AfasAuth, connection: AfasConnection, kind: WorkItemKind, meta: MetaInfo, findings: CheckFinding[], testedWith: string): Promise<ConnectorReport> {
    const connector = kind === 'task' ? connection.tasksConnector : connection.signalsConnector;
    const listed = meta.getConnectors.some((c) => c.id.toLowerCase() === connector.toLowerCase());
    if (!listed) {
      const params = { connector, kind, app: meta.info.appName ?? '', available: meta.getConnectors.map((c) => c.id) };
      findings.push(finding('appConnector', 'problem', 'notInAppConnector', params, { kind }));
      return { kind, connector, inAppConnector: false, missingFields: [] };
    }
    let fields;
    try {
      fields = (await client.connectorMetainfo(auth, connector)).fields;
    } catch (error) {
      if (!isAfasError(error)) throw error;
      const { code, params } = afasFailureAdvice(error, { subject: 'fields', connector }, testedWith, connection.baseUrl);
      findings.push(finding('fields', 'problem', code, params, { kind, ...(error.profitLogReference ? { profitLogReference: error.profitLogReference } : {}) }));
      return { kind, connector, inAppConnector: true, missingFields: [] };
    }
    const map = resolveFieldMap(kind, kind === 'task' ? connection.taskFieldMap : connection.signalFieldMap);
    const missing = checkConnectorFields({ fields }, map).missing.map((field) => ({ field, usedFor: usesOf(map, field) }));
    // Only id and title decide whether the list works; without an optional field the user just sees less.
    const required = missing.filter((m) => m.usedFor.some((property) => REQUIRED_FIELD_KEYS.includes(property as keyof FieldMap)));
    const optional = missing.filter((m) => !required.includes(m));
    if (required.length === 0) findings.push(finding('fields', 'ok', 'fieldsOk', { connector, kind }, { kind }));
    else findings.push(missingFieldsFinding(kind, connector, required));
    if (optional.length > 0) findings.push(missingOptionalFieldsFinding(kind, connector, optional));
    const template = kind === 'task' ? connection.taskUrlTemplate : connection.signalUrlTemplate;
    const known = new Set(fields.flatMap((f) => [f.id, f.fieldId]).map((name) => name.toLowerCase()));
    const unknown = template ? templatePlaceholders(template).filter((name) => !known.has(name.toLowerCase())) : [];
    if (unknown.length > 0) {
      findings.push(finding('linkTemplate', 'warning', 'linkTemplateUnknown', { kind, connector, placeholders: unknown.map((n) => `{${n}}`) }, { kind }));
    }
    return { kind, connector, inAppConnector: true, missingFields: missing };
  }

  private async activationFor(scope: AdminScope, connectionId: string, options: TestConnectionOptions): Promise<Activation | null> {
    if (scope.user) {
      const own = await this.deps.activations.get(scope.user);
      return own && own.status === 'active' && own.connectionId === connectionId ? own : null;
    }
    const wanted = options.asAfasUserId?.trim().toLowerCase();
    if (!wanted) return null;
    let after: Activation['user'] | undefined;
    for (;;) {
      const page = await this.deps.activations.listActive({ after, limit: 500 });
      const found = page.find((a) => a.connectionId === connectionId && a.afasUserId.toLowerCase() === wanted);
      if (found || page.length < 500) return found ?? null;
      after = page[page.length - 1].user;
    }
  }
}

function unchecked(connection: AfasConnection): ConnectorReport[] {
  return [
    { kind: 'task', connector: connection.tasksConnector, inAppConnector: null, missingFields: [] },
    { kind: 'signal', connector: connection.signalsConnector, inAppConnector: null, missingFields: [] },
  ];
}

function usesOf(map: FieldMap, field: string): string[] {
  return Object.entries(map).filter(([, name]) => name.toLowerCase() === field.toLowerCase()).map(([property]) => property);
}

/** Missing optional fields: what the user will not see without them, and how to add them or switch them off. */
/** Acting on tasks needs two GetConnectors and an UpdateConnector in the app connector; without them tasks show without actions. */
function taskActionsFinding(connection: AfasConnection, meta: MetaInfo): CheckFinding {
  const { subjectTasksConnector, workflowActionsConnector, reactionConnector } = connection.taskActions;
  const has = (list: MetaInfo['getConnectors'], id: string) => list.some((c) => c.id.toLowerCase() === id.toLowerCase());
  const needed = [
    { name: `GetConnector ${subjectTasksConnector}`, present: has(meta.getConnectors, subjectTasksConnector) },
    { name: `GetConnector ${workflowActionsConnector}`, present: has(meta.getConnectors, workflowActionsConnector) },
    { name: `UpdateConnector ${reactionConnector}`, present: has(meta.updateConnectors, reactionConnector) },
  ];
  const missing = needed.filter((n) => !n.present).map((n) => n.name);
  const app = meta.info.appName ?? '';
  return missing.length === 0 ? finding('taskActions', 'ok', 'taskActionsOk', { app, connectors: needed.map((n) => n.name) }) : finding('taskActions', 'warning', 'taskActionsMissing', { app, missing });
}

function missingOptionalFieldsFinding(kind: WorkItemKind, connector: string, missing: readonly MissingField[]): CheckFinding {
  const params = { connector, kind, fields: fieldList(missing), properties: missing.flatMap((m) => m.usedFor), none: NO_FIELD };
  return finding('fields', 'warning', 'optionalFieldsMissing', params, { kind });
}

function missingFieldsFinding(kind: WorkItemKind, connector: string, missing: readonly MissingField[]): CheckFinding {
  return finding('fields', 'problem', 'requiredFieldsMissing', { connector, kind, fields: fieldList(missing) }, { kind });
}

/** `description (title)`: each field with the properties it feeds. */
function fieldList(missing: readonly MissingField[]): string[] {
  return missing.map((m) => `${m.field} (${m.usedFor.join(', ')})`);
}
