import { DEFAULT_TASK_ACTION_SETTINGS, type TaskActionSettings } from '../../domain/task-action';
import type { AfasConnection } from '../../domain/afas-connection';
import type { Clock } from '../../ports/clock';
import type { ConnectionStore } from '../../ports/connection-store';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import { assertMayChange, visibleOrNotFound, type AdminScope } from './admin-scope';
import { AuditTrail, REDACTED } from './audit-trail';
import type { BaseUrlPolicy } from './base-url-policy';
import { CHANGEABLE_ON_CONFIGURED, createConnectionInput, updateConnectionInput, type UpdateConnectionInput } from './connection-input';
import { connectionView, type ConnectionView } from './connection-view';
import { baseUrlOf, impliedInsiteUrl, resolveConnectionUrls } from './resolve-connection-urls';
import { mergeSecrets } from './set-connection-secrets';
import { collectInput, inputProblem, parseInput, validationFailed, type InputProblem } from './validation';

export interface SaveConnectionDeps {
  readonly connections: ConnectionStore;
  readonly trail: AuditTrail;
  readonly clock: Clock;
  /** A short random suffix for new ids (`production-3f2b9c`). */
  readonly newId: () => string;
  /** Which base URLs the caller may point a connection at. */
  readonly baseUrls: BaseUrlPolicy;
}

type Settings = Omit<AfasConnection, 'id' | 'createdAt' | 'updatedAt'>;

function slug(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'connection';
}

/** Field by field, what a save changed: `{ name: { from, to } }`. */
function changesBetween(before: Settings, after: Settings): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

function secretsNote(input: { apiKey?: string; environmentKey?: string }): Record<string, string> {
  return { ...(input.apiKey ? { apiKey: REDACTED } : {}), ...(input.environmentKey ? { environmentKey: REDACTED } : {}) };
}

/** Creates and changes connections; every change is audited, secrets only as `[set]`. */
export class SaveConnection {
  constructor(private readonly deps: SaveConnectionDeps) {}

  async create(scope: AdminScope, raw: unknown): Promise<ConnectionView> {
    const problems: InputProblem[] = [];
    const parsed = collectInput(createConnectionInput, raw, problems);
    if (!parsed) {
      // The environment is checked too, so one answer lists every problem.
      const environment = (raw as { environment?: unknown } | null)?.environment;
      if (typeof environment === 'string' && !problems.some((p) => p.field === 'environment')) {
        resolveConnectionUrls({ environment, insiteUrl: 'https://placeholder.invalid' }, problems);
        await this.checkBaseUrl(scope, baseUrlOf(environment), problems);
      }
      throw validationFailed(problems);
    }
    const input = parsed;
    if (input.tenantId !== undefined && scope.tenantId !== null && input.tenantId !== scope.tenantId) {
      problems.push(inputProblem('tenantId', 'tenantIdOnCommandLine'));
    }
    if (Boolean(input.apiKey) !== Boolean(input.environmentKey)) {
      problems.push(inputProblem(input.apiKey ? 'environmentKey' : 'apiKey', 'keysTogether'));
    }
    const urls = resolveConnectionUrls(input, problems);
    await this.checkBaseUrl(scope, baseUrlOf(input.environment, input.environmentType), problems);
    if (problems.length > 0 || !urls) throw validationFailed(problems);
    const now = this.deps.clock.now();
    const connection: AfasConnection = {
      id: `${slug(input.name)}-${this.deps.newId()}`,
      tenantId: scope.tenantId ?? input.tenantId ?? null,
      name: input.name,
      environment: input.environment,
      ...urls,
      tasksConnector: input.tasksConnector,
      signalsConnector: input.signalsConnector,
      taskFieldMap: input.taskFieldMap,
      signalFieldMap: input.signalFieldMap,
      taskUrlTemplate: input.taskUrlTemplate,
      signalUrlTemplate: input.signalUrlTemplate,
      useDefaultTasksUrl: input.useDefaultTasksUrl,
      defaultList: input.defaultList,
      isDefault: input.isDefault,
      enabled: input.enabled,
      taskActions: withTaskActions(DEFAULT_TASK_ACTION_SETTINGS, input.taskActions),
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.connections.save(connection);
    if (input.apiKey && input.environmentKey) await this.deps.connections.setSecrets(connection.id, { apiKey: input.apiKey, environmentKey: input.environmentKey });
    const { id: _id, createdAt: _c, updatedAt: _u, ...settings } = connection;
    await this.deps.trail.record(scope, 'connection.create', connection.id, { settings, ...secretsNote(input) }, connection.tenantId);
    return connectionView(connection, Boolean(input.apiKey), scope);
  }

  async update(scope: AdminScope, id: string, raw: unknown): Promise<ConnectionView> {
    const patch = parseInput(updateConnectionInput, raw);
    const existing = visibleOrNotFound(scope, await this.deps.connections.get(id), id);
    assertMayChange(scope, existing);
    const problems: InputProblem[] = [];
    if (existing.id === DEFAULT_CONNECTION_ID) {
      for (const key of Object.keys(patch).filter((k) => !CHANGEABLE_ON_CONFIGURED.has(k))) {
        problems.push(inputProblem(key, 'fromSettings'));
      }
    }
    const next = this.applyPatch(existing, patch, problems);
    const baseUrl = patch.environment === undefined ? null : baseUrlOf(patch.environment, patch.environmentType);
    if (baseUrl !== existing.baseUrl) await this.checkBaseUrl(scope, baseUrl, problems);
    const secrets = patch.apiKey || patch.environmentKey ? await mergeSecrets(this.deps.connections, id, patch, problems) : null;
    if (problems.length > 0 || !next) throw validationFailed(problems);
    const { id: _a, createdAt: _b, updatedAt: _c, ...before } = existing;
    const { id: _d, createdAt: _e, updatedAt: _f, ...after } = next;
    const changes = changesBetween(before, after);
    if (Object.keys(changes).length === 0 && !secrets) return connectionView(existing, await this.deps.connections.hasSecrets(id), scope);
    const saved = { ...next, updatedAt: this.deps.clock.now() };
    await this.deps.connections.save(saved);
    if (secrets) await this.deps.connections.setSecrets(id, secrets);
    await this.deps.trail.record(scope, 'connection.update', id, { changes, ...secretsNote(patch) }, existing.tenantId);
    return connectionView(saved, await this.deps.connections.hasSecrets(id), scope);
  }

  /** Adds the environment problem when the scope may not use `baseUrl` (null: the environment names none). */
  private async checkBaseUrl(scope: AdminScope, baseUrl: string | null, problems: InputProblem[]): Promise<void> {
    if (baseUrl === null) return;
    const problem = await this.deps.baseUrls.problem(scope, baseUrl);
    if (problem) problems.push(inputProblem('environment', problem));
  }

  private applyPatch(existing: AfasConnection, patch: UpdateConnectionInput, problems: InputProblem[]): AfasConnection | null {
    const { apiKey: _k, environmentKey: _e, environmentType, taskActions, ...rest } = patch;
    const settings = { ...rest, taskActions: withTaskActions(existing.taskActions, taskActions ?? {}) };
    const environmentChanged = patch.environment !== undefined || environmentType !== undefined;
    if (!environmentChanged) return { ...existing, ...settings };
    const environment = patch.environment ?? existing.environment;
    // InSite and the default tasks URL follow a new environment unless the admin had set their own.
    const oldImplied = impliedInsiteUrl(existing.environment);
    const insiteWasImplied = oldImplied !== null && existing.insiteUrl === oldImplied;
    const urls = resolveConnectionUrls(
      {
        environment,
        environmentType,
        insiteUrl: patch.insiteUrl ?? (insiteWasImplied ? undefined : existing.insiteUrl),
        defaultTasksUrl: patch.defaultTasksUrl ?? (existing.defaultTasksUrl === existing.insiteUrl ? undefined : existing.defaultTasksUrl),
      },
      problems,
    );
    return urls ? { ...existing, ...settings, environment, ...urls } : null;
  }
}

/** The task-action settings with what the input gives over them (a key left out keeps its value). */
function withTaskActions(base: TaskActionSettings, given: Partial<TaskActionSettings>): TaskActionSettings {
  return {
    enabled: given.enabled ?? base.enabled,
    subjectTasksConnector: given.subjectTasksConnector ?? base.subjectTasksConnector,
    workflowActionsConnector: given.workflowActionsConnector ?? base.workflowActionsConnector,
    reactionConnector: given.reactionConnector ?? base.reactionConnector,
  };
}
