import type { FinalTaskState } from '../domain/task-action';
import type { Language } from '../domain/user-preferences';
import type { ConversationReferenceJson } from '../ports/conversation-store';
import type { SendResult } from '../ports/notifier';
import type { TaskCardUpdater } from '../ports/task-card-updater';

/**
 * The use cases update sent task cards through the notification stack's adapter, and the stack is
 * built from the use cases: the composition builds them with this, then binds it to the stack's
 * updater. Until then a card is not updated (the answer says so, and the caller logs it).
 */
export class DeferredTaskCardUpdater implements TaskCardUpdater {
  private target: TaskCardUpdater | null = null;

  bind(target: TaskCardUpdater): void {
    this.target = target;
  }

  async update(reference: ConversationReferenceJson, activityId: string, lang: Language, final: FinalTaskState): Promise<SendResult> {
    return this.target ? this.target.update(reference, activityId, lang, final) : { outcome: 'failed', status: null, code: 'card_updater_unbound' };
  }
}
