import type { BotTurn } from './bot-turn';
import { buildSignInCard, type SignInReason } from './cards/sign-in-card';

/**
 * When the user's connection signs in with OAuth: one sign-in card instead of the e-mailed code's
 * steps. The reason follows the user's activation: none = new, OAuth = expired, classic = migrate.
 * False when the connection uses the e-mailed code (the caller goes on with that).
 */
export async function offerOAuthSignIn(turn: BotTurn): Promise<boolean> {
  const { signInStarts, activations } = turn.services;
  const connection = await signInStarts.oauthConnectionFor(turn.user);
  if (!connection) return false;
  const activation = await activations.get(turn.user);
  const reason: SignInReason = activation?.status !== 'invalid' ? 'new' : activation.authKind === 'oauth' ? 'expired' : 'migrate';
  await turn.replies.send(buildSignInCard({ lang: turn.lang, startUrl: signInStarts.linkFor(turn.user, connection, 'bot'), reason }));
  return true;
}
