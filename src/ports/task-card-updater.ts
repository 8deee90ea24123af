import type { FinalTaskState } from '../domain/task-action';
import type { Language } from '../domain/user-preferences';
import type { ConversationReferenceJson } from './conversation-store';
import type { SendResult } from './notifier';

/**
 * Updates a task card the product sent earlier (its activity id) to the task's final state, in a
 * proactive turn: one request, never retried inside; every answer Teams gives is classified as a
 * send's is (`sent` = updated).
 */
export interface TaskCardUpdater {
  update(reference: ConversationReferenceJson, activityId: string, lang: Language, final: FinalTaskState): Promise<SendResult>;
}
