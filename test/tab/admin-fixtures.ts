import type { AccessRule, AdminConnection, AdminMe, AdminOwner, AuditEvent, ConnectionCheck } from '../../contracts/admin-api';

export const TENANT = 'a5a5a5a5-0000-4000-8000-000000000001';
export const OWNER_ME: AdminMe = { tenantId: TENANT, actor: 'jan.devries@horizon-groep.example', everyTenant: false };

export function connection(overrides: Partial<AdminConnection> = {}): AdminConnection {
  return {
    id: 'production-3f2b9c',
    tenantId: TENANT,
    name: 'Production',
    environment: 'O12345AA',
    baseUrl: 'https://12345.rest.afas.online/ProfitRestServices',
    insiteUrl: 'https://12345.afasinsite.nl',
    tasksConnector: 'Teams_Tasks',
    signalsConnector: 'Teams_Signals',
    taskFieldMap: {},
    signalFieldMap: {},
    taskUrlTemplate: null,
    signalUrlTemplate: null,
    defaultTasksUrl: 'https://12345.afasinsite.nl',
    useDefaultTasksUrl: false,
    taskActions: { enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' },
    defaultList: 'task',
    isDefault: true,
    enabled: true,
    secrets: { apiKeySet: true, environmentKeySet: true },
    fromConfiguration: false,
    changeable: true,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A check that found `submitdate` missing from the tasks connector (as after sandbox.removeConnectorField). */
export function checkWithMissingField(): ConnectionCheck {
  return {
    connectionId: 'production-3f2b9c',
    outcome: 'problems',
    checkedAt: '2026-03-02T08:00:00.000Z',
    testedWith: 'jan.devries@horizon-groep.example',
    profitVersion: '2025.1.3',
    connectors: [
      { kind: 'task', connector: 'Teams_Tasks', inAppConnector: true, missingFields: [{ field: 'submitdate', usedFor: ['date'] }] },
      { kind: 'signal', connector: 'Teams_Signals', inAppConnector: false, missingFields: [] },
    ],
    findings: [
      { check: 'profitVersion', status: 'ok', message: 'AFAS Profit 2025.1.3 answers with the activation of jan.devries@horizon-groep.example: the keys work.' },
      { check: 'fields', kind: 'task', status: 'problem', message: 'GetConnector Teams_Tasks lacks a field the tasks need: submitdate (date). In Profit, open GetConnector Teams_Tasks, add it on the "Gegevens" tab (its fields) and save.' },
      { check: 'appConnector', kind: 'signal', status: 'problem', message: 'GetConnector Teams_Signals (signals) is not part of the app connector. In Profit, add it to the app connector\'s GetConnectors.' },
    ],
  };
}

export const NOT_CONFIRMABLE_MESSAGE =
  'AFAS cannot confirm the API key and environment key until someone activates: AFAS answers every code request with success, even for wrong keys. Activate yourself with this connection (type "activate" to the bot), then test again.';

export function notConfirmableCheck(): ConnectionCheck {
  return {
    connectionId: 'production-3f2b9c',
    outcome: 'not_confirmable',
    checkedAt: '2026-03-02T08:00:00.000Z',
    testedWith: null,
    profitVersion: null,
    connectors: [
      { kind: 'task', connector: 'Teams_Tasks', inAppConnector: null, missingFields: [] },
      { kind: 'signal', connector: 'Teams_Signals', inAppConnector: null, missingFields: [] },
    ],
    findings: [{ check: 'activation', status: 'warning', message: NOT_CONFIRMABLE_MESSAGE }],
  };
}

export function accessRule(overrides: Partial<AccessRule> = {}): AccessRule {
  return { connectionId: 'production-3f2b9c', tenantId: TENANT, mode: 'everyone', users: [], updatedBy: null, updatedAt: null, ...overrides };
}

export function owner(overrides: Partial<AdminOwner> = {}): AdminOwner {
  return { tenantId: TENANT, upn: 'jan.devries@horizon-groep.example', displayName: null, aadObjectId: null, source: 'added', addedBy: 'cli:beheer', addedAt: '2026-02-20T10:00:00.000Z', ...overrides };
}

export function auditEvent(id: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return { id, at: '2026-03-02T07:00:00.000Z', actor: 'jan.devries@horizon-groep.example', action: 'connection.update', target: 'production-3f2b9c', targetName: 'Production', tenantId: TENANT, details: { changes: { name: { from: 'Prod', to: 'Production' } } }, ...overrides };
}
