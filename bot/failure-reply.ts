import { isAfasError } from '../src/domain/afas-error';
import { isAppError } from '../src/domain/app-error';
import { translate } from '../src/domain/i18n/translate';
import type { BotTurn } from './bot-turn';
import { buildNoAccessCard, buildNotActivatedCard } from './cards/access-cards';
import { userFacingFailure } from '../src/domain/user-facing-failure';
import { buildErrorCard } from './cards/error-card';
import { buildMessageCard } from './cards/message-card';
import { offerOAuthSignIn } from './sign-in-offer';

/**
 * Turns an expected failure into a card the user can act on, and logs it with its code and AFAS
 * reference. Returns false for errors nobody expected, which the turn's catch-all handles.
 */
export async function replyWithFailure(turn: BotTurn, error: unknown): Promise<boolean> {
  const log = turn.services.logger;
  if (isAfasError(error)) {
    log.warn({ code: error.code, status: error.status, profitLogReference: error.profitLogReference, tenantId: turn.user.tenantId, user: turn.user.aadObjectId }, 'AFAS call failed');
    // AFAS refused the token: with OAuth, one sign-in card instead of the e-mailed code's steps.
    if (error.code === 'afas_unauthorized' && (await offerOAuthSignIn(turn))) return true;
    await turn.replies.send(buildErrorCard(turn.lang, userFacingFailure(error, turn.now), turn.now));
    return true;
  }
  if (!isAppError(error)) return false;
  switch (error.code) {
    case 'not_activated':
      await turn.replies.send(buildNotActivatedCard(turn.lang));
      return true;
    case 'access_denied': {
      log.info({ code: error.code, tenantId: turn.user.tenantId, user: turn.user.aadObjectId }, 'user without access turned away');
      const owners = Array.isArray(error.details.owners) ? error.details.owners.filter((o): o is string => typeof o === 'string') : [];
      await turn.replies.send(buildNoAccessCard(turn.lang, owners));
      return true;
    }
    case 'activation_invalid':
      if (await offerOAuthSignIn(turn)) return true;
      await turn.replies.send(buildErrorCard(turn.lang, { kind: 'expired' }, turn.now));
      return true;
    case 'no_connection':
    case 'connection_incomplete':
      log.warn({ code: error.code, tenantId: turn.user.tenantId }, 'no usable AFAS connection');
      await turn.replies.send(buildErrorCard(turn.lang, { kind: 'adminSetup' }, turn.now));
      return true;
    case 'invoke_timeout':
      await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.slow'), tone: 'warning' }));
      return true;
    default:
      return false;
  }
}
