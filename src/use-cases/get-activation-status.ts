import { MAX_WRONG_CODES, nextRequestAllowedAt } from '../domain/activation-rules';
import type { UserKey } from '../domain/user-key';
import type { ActivationStore } from '../ports/activation-store';
import type { Clock } from '../ports/clock';
import type { ActivationAttempts } from './activation-attempts';

export interface ActivationStatusView {
  /** `none` = never activated (or deactivated); `invalid` = AFAS no longer accepts the token. */
  readonly activation: 'active' | 'invalid' | 'none';
  /** A code requested and still enterable, so a reloaded tab can continue at the code step. */
  readonly attempt: { readonly afasUserId: string; readonly nextRequestAt: Date | null } | null;
}

/** Where a user stands in activation: what the tab shows after a reload or on another device. */
export class GetActivationStatus {
  constructor(private readonly deps: { readonly activations: ActivationStore; readonly attempts: ActivationAttempts; readonly clock: Clock }) {}

  async execute(user: UserKey): Promise<ActivationStatusView> {
    const [activation, attempt] = await Promise.all([this.deps.activations.get(user), this.deps.attempts.get(user)]);
    const usable = attempt !== null && attempt.wrongCodes < MAX_WRONG_CODES;
    return {
      activation: activation?.status ?? 'none',
      attempt: usable ? { afasUserId: attempt.afasUserId, nextRequestAt: nextRequestAllowedAt(attempt, this.deps.clock.now().getTime()) } : null,
    };
  }
}
