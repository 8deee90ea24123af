import { isAfasError } from '../domain/afas-error';
import { AppError } from '../domain/app-error';
import { MAX_WRONG_CODES, normaliseActivationCode } from '../domain/activation-rules';
import type { UserKey } from '../domain/user-key';
import type { ActivationStore } from '../ports/activation-store';
import type { AfasClientFactory } from '../ports/afas-client';
import type { Clock } from '../ports/clock';
import type { ConnectionStore } from '../ports/connection-store';
import type { NotificationWakeUp } from '../ports/notification-wake-up';
import type { ActivationAttempts } from './activation-attempts';
import { connectionById } from './find-connection';
import type { ListWorkItems, MyWorkItems } from './list-work-items';

export interface ConfirmActivationCodeDeps {
  readonly connections: ConnectionStore;
  readonly activations: ActivationStore;
  readonly attempts: ActivationAttempts;
  readonly afas: AfasClientFactory;
  readonly listWorkItems: ListWorkItems;
  readonly clock: Clock;
  /** The notification engine: polls the new activation at once. */
  readonly notifications: NotificationWakeUp;
}

export interface Activated {
  readonly afasUserId: string;
  /** The user's tasks, read with the new token: proof that it works. */
  readonly tasks: MyWorkItems;
}

/**
 * Exchanges the e-mailed code for the user's AFAS token, stores it encrypted and proves it by
 * reading the tasks connector. Never retried: a code is single-use.
 */
export class ConfirmActivationCode {
  constructor(private readonly deps: ConfirmActivationCodeDeps) {}

  async execute(user: UserKey, codeText: string): Promise<Activated> {
    const code = normaliseActivationCode(codeText);
    if (!code) throw new AppError('activation_code_format', 'An activation code is 6 to 10 digits.');
    const attempt = await this.deps.attempts.get(user);
    if (!attempt) throw new AppError('activation_not_started', 'There is no activation in progress.');
    if (attempt.wrongCodes >= MAX_WRONG_CODES) throw new AppError('activation_too_many_attempts', 'Too many wrong codes; request a new code.');
    const connection = await connectionById(this.deps.connections, attempt.connectionId);
    const secrets = await this.deps.connections.getSecrets(connection.id);
    if (!secrets) throw new AppError('connection_incomplete', 'The AFAS connection has no API key and environment key yet.');
    let token: string;
    try {
      token = await this.deps.afas
        .forBaseUrl(connection.baseUrl)
        .validateOtp({ apiKey: secrets.apiKey, environmentKey: secrets.environmentKey, userId: attempt.afasUserId, otp: code });
    } catch (error) {
      if (!isAfasError(error, 'afas_functional_error') && !isAfasError(error, 'afas_bad_request')) throw error;
      const wrongCodes = attempt.wrongCodes + 1;
      await this.deps.attempts.save(user, { ...attempt, wrongCodes });
      const details = { externalMessage: error.externalMessage ?? null, profitLogReference: error.profitLogReference ?? null, attemptsLeft: MAX_WRONG_CODES - wrongCodes };
      if (wrongCodes >= MAX_WRONG_CODES) throw new AppError('activation_too_many_attempts', 'Too many wrong codes; request a new code.', { cause: error, details });
      throw new AppError('activation_code_rejected', 'AFAS did not accept the code.', { cause: error, details });
    }
    await this.deps.activations.save({ user, connectionId: connection.id, afasUserId: attempt.afasUserId, activatedAt: this.deps.clock.now() }, token);
    await this.deps.attempts.clear(user);
    await this.deps.notifications.wake(user);
    const tasks = await this.deps.listWorkItems.execute(user, 'task');
    return { afasUserId: attempt.afasUserId, tasks };
  }
}
