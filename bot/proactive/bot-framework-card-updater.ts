import type { ConversationReference } from 'botbuilder';
import type { FinalTaskState } from '../../src/domain/task-action';
import type { Language } from '../../src/domain/user-preferences';
import type { Clock } from '../../src/ports/clock';
import type { ConversationReferenceJson } from '../../src/ports/conversation-store';
import type { SendResult } from '../../src/ports/notifier';
import type { TaskCardUpdater } from '../../src/ports/task-card-updater';
import { cardAttachment } from '../cards/adaptive-card';
import { buildTaskResultCard } from '../cards/task-result-card';
import type { ProactiveAdapter } from './bot-framework-notifier';
import { classifySendError } from './send-error';

/**
 * Replaces a sent task card with its final state ("Approved by you at 14:03 — …") through the
 * product's adapter: `updateActivity` in a proactive turn, its answer classified like a send's.
 */
export class BotFrameworkCardUpdater implements TaskCardUpdater {
  constructor(private readonly deps: { readonly adapter: ProactiveAdapter; readonly appId: string; readonly clock: Clock }) {}

  async update(reference: ConversationReferenceJson, activityId: string, lang: Language, final: FinalTaskState): Promise<SendResult> {
    const card = buildTaskResultCard(lang, final.status === 'done' ? { ...final, kind: 'action', repeated: false } : final);
    // Caught where the request is made, so the answer reaches the caller rather than the turn error handler.
    const refusals: unknown[] = [];
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference as Partial<ConversationReference>, async (context) => {
        try {
          await context.updateActivity({ type: 'message', id: activityId, attachments: [cardAttachment(card)] });
        } catch (error) {
          refusals.push(error);
        }
      });
    } catch (error) {
      refusals.push(error);
    }
    return refusals.length > 0 ? classifySendError(refusals[0], this.deps.clock.now()) : { outcome: 'sent', activityId };
  }
}
