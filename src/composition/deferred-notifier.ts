import type { Notification } from '../domain/notification';
import type { ConversationReferenceJson } from '../ports/conversation-store';
import type { Notifier, SendOptions, SendResult } from '../ports/notifier';

/**
 * The admin's OAuth invitations go out through the notification stack's notifier, and the stack is
 * built from the use cases: the composition builds them with this, then binds it. Until then a
 * send answers `failed` (nothing left), which the caller counts as not reached.
 */
export class DeferredNotifier implements Notifier {
  private target: Notifier | null = null;

  bind(target: Notifier): void {
    this.target = target;
  }

  async send(reference: ConversationReferenceJson, notification: Notification, options?: SendOptions): Promise<SendResult> {
    return this.target ? this.target.send(reference, notification, options) : { outcome: 'failed', status: null, code: 'notifier_unbound' };
  }
}
