import type { AfasConnection } from '../domain/afas-connection';
import type { Notification } from '../domain/notification';
import type { FinalTaskState } from '../domain/task-action';
import type { UserKey } from '../domain/user-key';
import type { Clock } from '../ports/clock';
import type { ConversationStore } from '../ports/conversation-store';
import type { Logger } from '../ports/logger';
import type { TaskCardUpdater } from '../ports/task-card-updater';
import type { ListTaskActions } from './list-task-actions';
import type { SentTaskCards } from './sent-task-cards';

export interface ProactiveTaskCardsDeps {
  readonly actions: Pick<ListTaskActions, 'forPage'>;
  readonly cards: SentTaskCards;
  readonly conversations: ConversationStore;
  readonly updater: TaskCardUpdater;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Proactive task cards with actions: a poll's new-task cards get the actions AFAS offers (two
 * GetConnector calls for all of them), the activity id of each such card Teams accepted is kept,
 * and when the task is acted on from the tab or another card, that card is updated to its final state.
 */
export class ProactiveTaskCards {
  constructor(private readonly deps: ProactiveTaskCardsDeps) {}

  /** The poll's messages, each new-task card with its task's actions when AFAS has them. */
  async withActions(user: UserKey, connection: AfasConnection, notifications: readonly Notification[]): Promise<Notification[]> {
    const tasks = notifications.flatMap((n) => (n.content.type === 'item' && n.content.item.kind === 'task' ? [n.content.item] : []));
    if (tasks.length === 0) return [...notifications];
    const views = await this.deps.actions.forPage(user, connection, tasks);
    return notifications.map((n) => {
      const actions = n.content.type === 'item' ? views.get(n.content.item.id) : undefined;
      return actions && n.content.type === 'item' ? { ...n, content: { ...n.content, actions } } : n;
    });
  }

  /**
   * Keeps the activity id of a task card with actions that Teams accepted. The send stands either
   * way: a card whose id could not be kept is only never updated, which the log says.
   */
  async sent(notification: Notification, activityId: string | null): Promise<void> {
    const { content, user } = notification;
    if (content.type !== 'item' || !content.actions || !activityId) return;
    try {
      await this.deps.cards.remember(user, content.actions.subjectId, { activityId, lang: notification.lang, at: this.deps.clock.now().getTime() });
    } catch (error) {
      this.deps.logger.error({ code: 'task_card_unrecorded', tenantId: user.tenantId, err: error }, 'the activity id of a sent task card could not be kept; that card will not be updated when the task is acted on elsewhere');
    }
  }

  /**
   * After an act on the task on `subjectId`: its sent card, if any, shows the final state. The card
   * the click came from (`fromActivityId`) was replaced by the invoke's answer already.
   */
  async settle(user: UserKey, subjectId: string, final: FinalTaskState, fromActivityId: string | null): Promise<void> {
    const card = await this.deps.cards.get(user, subjectId);
    if (!card) return;
    const conversation = card.activityId === fromActivityId ? null : await this.deps.conversations.get(user);
    if (conversation?.status === 'active') {
      const answer = await this.deps.updater.update(conversation.reference, card.activityId, card.lang, final);
      // Not retried: the card still offers its buttons, and a click on one answers "already handled".
      if (answer.outcome !== 'sent') this.deps.logger.warn({ code: 'task_card_not_updated', outcome: answer.outcome, ...('code' in answer ? { teamsCode: answer.code } : {}), tenantId: user.tenantId }, 'a sent task card could not be updated to its final state');
    }
    await this.deps.cards.forget(user, subjectId, card.activityId);
  }
}
