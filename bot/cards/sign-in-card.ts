import { translate, type PlainMessageKey } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import type { AdaptiveCard } from './adaptive-card';
import { openUrlAction } from './card-actions';
import { buildMessageCard } from './message-card';

/** Why the user is asked to sign in: a first sign-in, AFAS no longer accepting theirs, or the move off classic tokens. */
export type SignInReason = 'new' | 'expired' | 'migrate';

const LEAD: Readonly<Record<Exclude<SignInReason, 'new'>, PlainMessageKey>> = { expired: 'oauth.card.expired', migrate: 'oauth.card.migrate' };

/**
 * Sign in to AFAS with OAuth: the button opens our start link in the browser (Action.OpenUrl), which
 * goes on to AFAS; the page after AFAS shows a 6-digit code the user types into this chat.
 */
export function buildSignInCard(input: { readonly lang: Language; readonly startUrl: string; readonly reason: SignInReason }): AdaptiveCard {
  const { lang, reason } = input;
  return buildMessageCard({
    title: translate(lang, 'oauth.card.title'),
    text: reason === 'new' ? translate(lang, 'oauth.card.text') : translate(lang, LEAD[reason]),
    ...(reason === 'new' ? {} : { details: [translate(lang, 'oauth.card.text')] }),
    tone: reason === 'new' ? 'info' : 'warning',
    actions: [openUrlAction(translate(lang, 'oauth.card.button'), input.startUrl)],
  });
}
