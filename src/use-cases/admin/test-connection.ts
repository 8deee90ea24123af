import type { Activation } from '../../domain/activation';
import type { AfasConnection } from '../../domain/afas-connection';
import { isAfasError } from '../../domain/afas-error';
import { checkConnectorFields } from '../../domain/connector-field-check';
import { NO_FIELD, REQUIRED_FIELD_KEYS, resolveFieldMap, type FieldMap } from '../../domain/field-map';
import { templatePlaceholders } from '../../domain/link-template';
import type { WorkItemKind } from '../../domain/work-item';
import type { ActivationStore } from '../../ports/activation-store';
import type { AfasAuth, AfasClient, AfasClientFactory, MetaInfo } from '../../ports/afas-client';
import type { Clock } from '../../ports/clock';
import type { ConnectionStore } from '../../ports/connection-store';
import { visibleOrNotFound, type AdminScope } from './admin-scope';
import { afasFailureText } from './afas-failure-text';
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

const NOT_CONFIRMABLE =
  'AFAS cannot confirm the API key and environment key until someone activates: AFAS answers every code request with success, even for wrong keys. ' +
  'Activate yourself with this connection (type "activate" to the bot), then test again.';

const KIND_WORDS: Record<WorkItemKind, string> = { task: 'tasks', signal: 'signals' };

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
      const message = 'The API key and environment key are not set: set them first (as shown in the app connector in Profit).';
      return { ...base, outcome: 'problems', testedWith: null, findings: [{ check: 'secrets', status: 'problem', message }] };
    }
    const activation = await this.activationFor(scope, connection.id, options);
    const token = activation ? await this.deps.activations.getToken(activation.user) : null;
    if (!activation || !token) {
      const who = options.asAfasUserId ? ` Nobody activated as ${options.asAfasUserId} with this connection.` : '';
      return { ...base, outcome: 'not_confirmable', testedWith: null, findings: [{ check: 'activation', status: 'warning', message: `${NOT_CONFIRMABLE}${who}` }] };
    }
    const client = this.deps.afas.forBaseUrl(connection.baseUrl);
    const auth: AfasAuth = { kind: 'afasToken', token };
    const testedWith = activation.afasUserId;
    const findings: CheckFinding[] = [];
    const fail = (check: CheckFinding['check'], what: string, error: unknown): ConnectionCheck => {
      if (!isAfasError(error)) throw error;
      findings.push({ check, status: 'problem', message: afasFailureText(error, what, testedWith, connection.baseUrl), ...(error.profitLogReference ? { profitLogReference: error.profitLogReference } : {}) });
      return { ...base, outcome: 'problems', testedWith, findings };
    };

    let profitVersion: string;
    try {
      profitVersion = await client.profitVersion(auth);
    } catch (error) {
      return fail('profitVersion', 'ProfitVersion', error);
    }
    findings.push({ check: 'profitVersion', status: 'ok', message: `AFAS Profit ${profitVersion} answers with the activation of ${testedWith}: the keys work.` });
    let meta: MetaInfo;
    try {
      meta = await client.metainfo(auth);
    } catch (error) {
      return { ...fail('metainfo', 'metainfo', error), profitVersion };
    }
    const connectors: ConnectorReport[] = [];
    for (const kind of ['task', 'signal'] as const) connectors.push(await this.checkConnector(client, auth, connection, kind, meta, findings));
    const outcome = findings.some((f) => f.status === 'problem') ? 'problems' : 'ok';
    return { ...base, outcome, testedWith, profitVersion, connectors, findings };
  }

  private async checkConnector(client: AfasClient, auth: AfasAuth, connection: AfasConnection, kind: WorkItemKind, meta: MetaInfo, findings: CheckFinding[]): Promise<ConnectorReport> {
    const connector = kind === 'task' ? connection.tasksConnector : connection.signalsConnector;
    const listed = meta.getConnectors.some((c) => c.id.toLowerCase() === connector.toLowerCase());
    if (!listed) {
      const app = meta.info.appName ? ` "${meta.info.appName}"` : '';
      const available = meta.getConnectors.map((c) => c.id).join(', ') || 'none';
      findings.push({
        check: 'appConnector',
        kind,
        status: 'problem',
        message: `GetConnector ${connector} (${KIND_WORDS[kind]}) is not part of the app connector${app}. In Profit, add it to the app connector's GetConnectors, or choose one it has (${available}).`,
      });
      return { kind, connector, inAppConnector: false, missingFields: [] };
    }
    let fields;
    try {
      fields = (await client.connectorMetainfo(auth, connector)).fields;
    } catch (error) {
      if (!isAfasError(error)) throw error;
      findings.push({ check: 'fields', kind, status: 'problem', message: afasFailureText(error, `the fields of GetConnector ${connector}`, 'this user', connection.baseUrl), ...(error.profitLogReference ? { profitLogReference: error.profitLogReference } : {}) });
      return { kind, connector, inAppConnector: true, missingFields: [] };
    }
    const map = resolveFieldMap(kind, kind === 'task' ? connection.taskFieldMap : connection.signalFieldMap);
    const missing = checkConnectorFields({ fields }, map).missing.map((field) => ({ field, usedFor: usesOf(map, field) }));
    // Only id and title decide whether the list works; without an optional field the user just sees less.
    const required = missing.filter((m) => m.usedFor.some((property) => REQUIRED_FIELD_KEYS.includes(property as keyof FieldMap)));
    const optional = missing.filter((m) => !required.includes(m));
    if (required.length === 0) findings.push({ check: 'fields', kind, status: 'ok', message: `GetConnector ${connector} has the fields the ${KIND_WORDS[kind]} need (id and title).` });
    else findings.push(missingFieldsFinding(kind, connector, required));
    if (optional.length > 0) findings.push(missingOptionalFieldsFinding(kind, connector, optional));
    const template = kind === 'task' ? connection.taskUrlTemplate : connection.signalUrlTemplate;
    const known = new Set(fields.flatMap((f) => [f.id, f.fieldId]).map((name) => name.toLowerCase()));
    const unknown = template ? templatePlaceholders(template).filter((name) => !known.has(name.toLowerCase())) : [];
    if (unknown.length > 0) {
      findings.push({
        check: 'linkTemplate',
        kind,
        status: 'warning',
        message: `The ${kind} link template uses ${unknown.map((n) => `{${n}}`).join(', ')}, which GetConnector ${connector} does not have: those clicks go to the default tasks URL. Add the field on the "Gegevens" tab or change the template.`,
      });
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

/** What the user will not see without them, and how to add them or switch them off. */
const OPTIONAL_EFFECT: Record<string, string> = {
  from: 'who sent an item',
  date: 'dates (items are not sorted by date)',
  type: 'the type of an item',
  opened: 'which items are new (every item shows as new)',
  subjectId: 'the dossier item',
};

function missingOptionalFieldsFinding(kind: WorkItemKind, connector: string, missing: readonly MissingField[]): CheckFinding {
  const list = missing.map((m) => `${m.field} (${m.usedFor.join(', ')})`).join(', ');
  const effects = [...new Set(missing.flatMap((m) => m.usedFor.map((property) => OPTIONAL_EFFECT[property] ?? property)))].join('; ');
  return {
    check: 'fields',
    kind,
    status: 'warning',
    message: `GetConnector ${connector} has no ${list}, so the ${KIND_WORDS[kind]} show without: ${effects}. The ${KIND_WORDS[kind]} work without ${missing.length === 1 ? 'it' : 'them'}. To show ${missing.length === 1 ? 'it' : 'them'}, add ${missing.length === 1 ? 'the field' : 'the fields'} on the "Gegevens" tab of GetConnector ${connector}; to stop this note, map ${missing.length === 1 ? 'the property' : 'each property'} to ${NO_FIELD} (no field) in this connection's field map.`,
  };
}

function missingFieldsFinding(kind: WorkItemKind, connector: string, missing: readonly MissingField[]): CheckFinding {
  const list = missing.map((m) => `${m.field} (${m.usedFor.join(', ')})`).join(', ');
  return {
    check: 'fields',
    kind,
    status: 'problem',
    message: `GetConnector ${connector} lacks ${missing.length === 1 ? 'a field' : 'fields'} the ${KIND_WORDS[kind]} cannot do without: ${list}. In Profit, open GetConnector ${connector}, add ${missing.length === 1 ? 'it' : 'them'} on the "Gegevens" tab (its fields) and save; or change this connection's field map to fields the connector has.`,
  };
}
