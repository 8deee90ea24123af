import type { Activation } from '../../domain/activation';
import type { AfasConnection } from '../../domain/afas-connection';
import type { AuthCounts } from '../../domain/connection-auth';
import type { ActivationStore } from '../../ports/activation-store';
import type { ConnectionOAuthStore } from '../../ports/connection-oauth-store';
import type { AdminScope } from './admin-scope';

const PAGE = 500;

/** The active activations of a connection that the scope may see (an owner: their own tenant's users only). */
export async function* activationsOf(activations: ActivationStore, connectionId: string, scope: AdminScope): AsyncGenerator<Activation> {
  let after: Activation['user'] | undefined;
  for (;;) {
    const page = await activations.listActive({ after, limit: PAGE });
    for (const activation of page) {
      if (activation.connectionId === connectionId && (scope.tenantId === null || activation.user.tenantId === scope.tenantId)) yield activation;
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1].user;
  }
}

/**
 * Classic and OAuth users of a connection as the scope sees them: the store's count when every user
 * of it is visible (an operator, or a tenant's own connection), else counted from the scope's users.
 */
export async function authCountsOf(
  deps: { readonly activations: ActivationStore; readonly connectionOAuth: ConnectionOAuthStore },
  connection: AfasConnection,
  scope: AdminScope,
): Promise<AuthCounts> {
  if (scope.tenantId === null || connection.tenantId !== null) return deps.connectionOAuth.countActivations(connection.id);
  const counts = { classic: 0, oauth: 0 };
  for await (const activation of activationsOf(deps.activations, connection.id, scope)) counts[activation.authKind ?? 'classic'] += 1;
  return counts;
}
