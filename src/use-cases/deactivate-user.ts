import type { UserKey } from '../domain/user-key';
import type { ActivationStore } from '../ports/activation-store';
import type { ActivationAttempts } from './activation-attempts';

/** "Sign out": deletes the stored AFAS token and any activation in progress. */
export class DeactivateUser {
  constructor(private readonly deps: { readonly activations: ActivationStore; readonly attempts: ActivationAttempts }) {}

  async execute(user: UserKey): Promise<{ wasActive: boolean }> {
    const wasActive = await this.deps.activations.remove(user);
    await this.deps.attempts.clear(user);
    return { wasActive };
  }
}
