import { translate } from '../../src/domain/i18n/translate';
import type { BotTurn } from '../bot-turn';
import { buildMessageCard } from '../cards/message-card';
import { normaliseCommandText } from '../commands';
import { replyWithFailure } from '../failure-reply';
import { offerOAuthSignIn } from '../sign-in-offer';
import { showWorkList } from '../work-views';

/** What the callback page shows after AFAS: six digits, typed back into the chat. */
const CONFIRMATION_CODE = /^\d{6}$/;

/** The text of a message that is an OAuth confirmation code, else null. */
export function typedSignInCode(text: string | undefined): string | null {
  const typed = normaliseCommandText(text ?? '').replace(/\s+/g, '');
  return CONFIRMATION_CODE.test(typed) ? typed : null;
}

/**
 * The 6-digit code from the callback page, typed into this chat: links AFAS for this Teams user
 * only when they began the sign-in, then shows the tasks as after an activation with the e-mailed code.
 */
export async function completeOAuthSignIn(turn: BotTurn, code: string): Promise<void> {
  const linked = await turn.services.oauthSignIn.complete(turn.user, { confirmationCode: code });
  turn.services.logger.info({ tenantId: turn.user.tenantId, user: turn.user.aadObjectId, linked }, 'AFAS sign-in completed from the chat');
  if (!linked) {
    await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'oauth.chat.codeUnknown'), tone: 'warning' }));
    await offerOAuthSignIn(turn);
    return;
  }
  await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'oauth.chat.linked'), tone: 'success' }));
  await showWorkList(turn, 'task').catch((error: unknown) => replyWithFailure(turn, error));
}
