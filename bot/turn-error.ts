import { ActivityEventNames, ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { languageFromLocale, translate } from '../src/domain/i18n/translate';
import type { Clock } from '../src/ports/clock';
import type { Logger } from '../src/ports/logger';
import { classifySendError } from './proactive/send-error';

/** A proactive turn (`continueConversationAsync`): botbuilder runs it with a ContinueConversation event. */
export function isProactiveTurn(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Event && activity.name === ActivityEventNames.ContinueConversation;
}

/**
 * An error raised by a request to the Bot Connector (botbuilder's `RestError`): Teams refused a send
 * (429, 403, 404, 413, 5xx) or could not be reached. Our own failures are `AppError`s and others.
 */
export function isConnectorError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'RestError';
}

/**
 * The one catch-all for a turn (installed on the adapter as `onTurnError`):
 * - a proactive turn rethrows, so the notifier that started it classifies Teams' answer
 *   (429 waits, 403 blocks, 404 retires...) instead of the send counting as delivered;
 * - a user's turn whose reply Teams refused (or could not take) sends nothing more into that
 *   conversation: an apology right after a 429 or into a blocked chat would be refused too;
 * - any other failure is ours: logged with its code, and the user gets one short apology.
 */
export function turnErrorHandler(logger: Logger, clock: Clock): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const activity = context.activity;
    if (isProactiveTurn(activity)) throw error;
    const ids = { activityId: activity.id, type: activity.type, conversationId: activity.conversation?.id, tenantId: activity.conversation?.tenantId };
    if (isConnectorError(error)) {
      const result = classifySendError(error, clock.now());
      const code = 'code' in result ? result.code : `teams_${result.outcome}`;
      logger.warn({ ...ids, code, outcome: result.outcome }, 'Teams did not take the reply; nothing more is sent into this conversation in this turn');
      return;
    }
    const code = (error as { code?: unknown }).code;
    logger.error({ ...ids, code: typeof code === 'string' ? code : 'bot_turn_failed', err: error.message }, 'bot turn failed');
    try {
      await context.sendActivity(translate(languageFromLocale(activity.locale ?? undefined), 'error.generic'));
    } catch (sendError) {
      logger.warn({ activityId: activity.id, err: sendError instanceof Error ? sendError.message : String(sendError) }, 'could not apologise to the user');
    }
  };
}
