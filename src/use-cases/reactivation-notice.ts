import type { Activation } from '../domain/activation';
import { reactivationId, type Notification } from '../domain/notification';
import type { UserKey } from '../domain/user-key';
import type { Language } from '../domain/user-preferences';
import type { Clock } from '../ports/clock';
import type { DeliveryLedger } from '../ports/delivery-ledger';

export interface ReactivationNoticeDeps {
  readonly deliveries: DeliveryLedger;
  readonly clock: Clock;
}

/**
 * "Activate again" once per invalidation, not once per poll: the message is a ledger entry keyed
 * by the activation's start, planned before it is sent, so a second poll (or replica) finds it
 * known. An entry still `to_deliver` (the send never finished) is offered again.
 */
export class ReactivationNotice {
  constructor(private readonly deps: ReactivationNoticeDeps) {}

  async execute(user: UserKey, activation: Activation, lang: Language): Promise<Notification[]> {
    const id = reactivationId(activation.activatedAt);
    const planned = await this.deps.deliveries.planDelivery(user, 'signal', [id], this.deps.clock.now());
    if (planned.length === 0) {
      const pending = await this.deps.deliveries.pending({ user, limit: 100 });
      if (!pending.some((entry) => entry.itemId === id)) return [];
    }
    return [{ user, lang, content: { type: 'reactivate' }, detail: 'full', entries: [{ kind: 'signal', itemId: id }], links: null }];
  }
}
