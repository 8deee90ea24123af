import type { ConnectionSecrets } from '../../domain/afas-connection';
import type { ConnectionStore } from '../../ports/connection-store';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import { assertMayChange, visibleOrNotFound, type AdminScope } from './admin-scope';
import { AuditTrail, REDACTED } from './audit-trail';
import { connectionSecretsInput } from './connection-input';
import { connectionView, type ConnectionView } from './connection-view';
import { inputProblem, parseInput, validationFailed, type InputProblem } from './validation';

/** New keys over the stored ones: one may be left out once both were set. */
export async function mergeSecrets(
  connections: ConnectionStore,
  id: string,
  input: { apiKey?: string; environmentKey?: string },
  problems: InputProblem[],
): Promise<ConnectionSecrets | null> {
  const current = input.apiKey && input.environmentKey ? null : await connections.getSecrets(id);
  const apiKey = input.apiKey ?? current?.apiKey;
  const environmentKey = input.environmentKey ?? current?.environmentKey;
  if (!apiKey) problems.push(inputProblem('apiKey', 'apiKeyNotSet'));
  if (!environmentKey) problems.push(inputProblem('environmentKey', 'environmentKeyNotSet'));
  return apiKey && environmentKey ? { apiKey, environmentKey } : null;
}

/** Sets the API key and/or environment key. Write-only: nothing returns them, the audit says `[set]`. */
export class SetConnectionSecrets {
  constructor(private readonly deps: { readonly connections: ConnectionStore; readonly trail: AuditTrail }) {}

  async execute(scope: AdminScope, id: string, raw: unknown): Promise<ConnectionView> {
    const input = parseInput(connectionSecretsInput, raw);
    const connection = visibleOrNotFound(scope, await this.deps.connections.get(id), id);
    assertMayChange(scope, connection);
    const problems: InputProblem[] = [];
    if (!input.apiKey && !input.environmentKey) problems.push(inputProblem('apiKey', 'oneKeyRequired'));
    if (id === DEFAULT_CONNECTION_ID) problems.push(inputProblem('apiKey', 'keysFromSettings'));
    const secrets = problems.length === 0 ? await mergeSecrets(this.deps.connections, id, input, problems) : null;
    if (problems.length > 0 || !secrets) throw validationFailed(problems);
    await this.deps.connections.setSecrets(id, secrets);
    const changed = { ...(input.apiKey ? { apiKey: REDACTED } : {}), ...(input.environmentKey ? { environmentKey: REDACTED } : {}) };
    await this.deps.trail.record(scope, 'connection.secrets', id, changed, connection.tenantId);
    return connectionView(connection, true, scope);
  }
}
