import type { AuditLog } from '../../ports/audit-log';
import type { Clock } from '../../ports/clock';
import type { AdminScope } from './admin-scope';

/** What an audit event shows instead of a secret. */
export const REDACTED = '[set]';

const SECRET_NAME = /(key|token|secret|password)$/i;

/**
 * Replaces every value under a secret-sounding name (apiKey, environmentKey, token...) with
 * `[set]`, at any depth, so a slip in a caller cannot put a secret into the audit log.
 */
export function redactSecrets(value: unknown, underSecret = false): unknown {
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, underSecret));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactSecrets(inner, underSecret || SECRET_NAME.test(key))]));
  }
  return underSecret && value !== null && value !== undefined && value !== '' ? REDACTED : value;
}

/** Appends one audit event per change, for the tenant it belongs to (null = every tenant). */
export class AuditTrail {
  constructor(private readonly audit: AuditLog, private readonly clock: Clock) {}

  async record(scope: AdminScope, action: string, target: string, details: Record<string, unknown>, tenantId: string | null): Promise<void> {
    await this.audit.append({ at: this.clock.now(), actor: scope.actor, action, target, details: redactSecrets(details) as Record<string, unknown>, tenantId });
  }
}
