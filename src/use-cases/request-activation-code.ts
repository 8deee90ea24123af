import { AppError } from '../domain/app-error';
import { MAX_WRONG_CODES, nextRequestAllowedAt, normaliseAfasUserId, recordRequest } from '../domain/activation-rules';
import type { UserKey } from '../domain/user-key';
import type { AfasClientFactory } from '../ports/afas-client';
import type { Clock } from '../ports/clock';
import type { ConnectionStore } from '../ports/connection-store';
import type { ActivationAttempts } from './activation-attempts';
import { findConnectionForTenant } from './find-connection';

export interface RequestActivationCodeDeps {
  readonly connections: ConnectionStore;
  readonly attempts: ActivationAttempts;
  readonly afas: AfasClientFactory;
  readonly clock: Clock;
}

export interface CodeRequested {
  readonly afasUserId: string;
  /** When the user may ask for another code. */
  readonly nextRequestAt: Date;
}

/**
 * Asks AFAS to e-mail an activation code. AFAS answers success even for wrong keys or an unknown
 * user, so "requested" is all this can say; callers explain why a mail may never come.
 */
export class RequestActivationCode {
  constructor(private readonly deps: RequestActivationCodeDeps) {}

  /** First request, for the AFAS user id the user typed. */
  async request(user: UserKey, afasUserIdText: string): Promise<CodeRequested> {
    const afasUserId = normaliseAfasUserId(afasUserIdText);
    if (!afasUserId) throw new AppError('activation_user_id_invalid', 'That is not an AFAS user id or e-mail address.');
    return this.send(user, afasUserId);
  }

  /** "Resend": a new code for the user id of the attempt in progress. */
  async resend(user: UserKey): Promise<CodeRequested> {
    const attempt = await this.deps.attempts.get(user);
    if (!attempt) throw new AppError('activation_not_started', 'There is no activation in progress.');
    return this.send(user, attempt.afasUserId);
  }

  /** When the user may ask for another code; null = now. */
  async nextRequestAt(user: UserKey): Promise<Date | null> {
    return nextRequestAllowedAt(await this.deps.attempts.get(user), this.deps.clock.now().getTime());
  }

  private async send(user: UserKey, afasUserId: string): Promise<CodeRequested> {
    const now = this.deps.clock.now().getTime();
    const attempt = await this.deps.attempts.get(user);
    const allowedAt = nextRequestAllowedAt(attempt, now);
    if (allowedAt) {
      const codeStillUsable = attempt !== null && attempt.wrongCodes < MAX_WRONG_CODES;
      throw new AppError('activation_throttled', 'A new code cannot be requested yet.', { details: { retryAt: allowedAt.toISOString(), codeStillUsable } });
    }
    const connection = await findConnectionForTenant(this.deps.connections, user.tenantId);
    const secrets = await this.deps.connections.getSecrets(connection.id);
    if (!secrets) throw new AppError('connection_incomplete', 'The AFAS connection has no API key and environment key yet.');
    const next = recordRequest(attempt, connection.id, afasUserId, now);
    // Recorded before the call: a request that reached AFAS may have sent a mail even if the answer got lost.
    await this.deps.attempts.save(user, next);
    await this.deps.afas.forBaseUrl(connection.baseUrl).requestOtp({ apiKey: secrets.apiKey, environmentKey: secrets.environmentKey, userId: afasUserId });
    return { afasUserId, nextRequestAt: nextRequestAllowedAt(next, now) ?? new Date(now) };
  }
}
