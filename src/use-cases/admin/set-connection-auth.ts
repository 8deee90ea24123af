import { z } from 'zod';
import { AFAS_AUTH_MODES, type AfasAuthMode, type ConnectionOAuth } from '../../domain/afas-auth-mode';
import type { ConnectionAuthView } from '../../domain/connection-auth';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import { assertMayChange, visibleOrNotFound, type AdminScope } from './admin-scope';
import { REDACTED, type AuditTrail } from './audit-trail';
import { connectionAuthView, type ConnectionAuthDeps } from './get-connection-auth';
import { inputProblem, parseInput, validationFailed, type InputProblem } from './validation';

/** Empty text = none (a cleared field in the form). */
const orNone = <S extends z.ZodType<string>>(schema: S) => z.union([z.literal('').transform(() => null), z.null(), schema]);

/** A change of a connection's sign-in settings; what is left out stays. */
export const connectionAuthInput = z.strictObject({
  authMode: z.enum(AFAS_AUTH_MODES as [AfasAuthMode, ...AfasAuthMode[]]).optional(),
  clientId: orNone(z.string().trim().min(1).max(200)).optional(),
  /** Write-only; null or '' removes it. */
  clientSecret: orNone(z.string().trim().min(1).max(500)).optional(),
  scope: z.string().trim().max(500).optional(),
});

/** Sets the auth mode, OAuth client and scope; audited, the secret only as `[set]` or removed. */
export class SetConnectionAuth {
  constructor(private readonly deps: ConnectionAuthDeps & { readonly trail: AuditTrail }) {}

  async execute(scope: AdminScope, id: string, raw: unknown): Promise<ConnectionAuthView> {
    const input = parseInput(connectionAuthInput, raw);
    const connection = visibleOrNotFound(scope, await this.deps.connections.get(id), id);
    assertMayChange(scope, connection);
    const problems: InputProblem[] = [];
    if (id === DEFAULT_CONNECTION_ID) for (const key of Object.keys(input)) problems.push(inputProblem(key, 'authFromSettings'));
    const before = await this.deps.connectionOAuth.get(id);
    const after: ConnectionOAuth = {
      authMode: input.authMode ?? before.authMode,
      clientId: input.clientId === undefined ? before.clientId : input.clientId,
      scope: input.scope ?? before.scope,
    };
    const secretSet = input.clientSecret === undefined ? (await this.deps.connectionOAuth.getClientSecret(id)) !== null : input.clientSecret !== null;
    if (after.authMode !== 'classic') {
      if (after.clientId === null) problems.push(inputProblem('clientId', 'oauthClientRequired'));
      if (!secretSet) problems.push(inputProblem('clientSecret', 'oauthClientRequired'));
    }
    if (problems.length > 0) throw validationFailed(problems);
    const changes: Record<string, unknown> = {};
    for (const key of ['authMode', 'clientId', 'scope'] as const) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    if (input.clientSecret !== undefined) changes[input.clientSecret === null ? 'clientSecretRemoved' : 'clientSecret'] = input.clientSecret === null ? true : REDACTED;
    if (Object.keys(changes).length > 0) {
      await this.deps.connectionOAuth.save(id, after, this.deps.clock.now(), input.clientSecret);
      await this.deps.trail.record(scope, 'connection.auth', id, { changes }, connection.tenantId);
    }
    return connectionAuthView(this.deps, connection, scope);
  }
}
