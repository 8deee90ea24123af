import { translate } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import { adaptiveCard, type AdaptiveCard, type CardAction } from './adaptive-card';
import { commandAction } from './card-actions';
import { paragraph } from './rich-text';
import type { ButtonCommand } from './verbs';

export interface DidYouMeanCardInput {
  readonly lang: Language;
  /** The phrase the user probably meant, as the bot knows it ("my tasks"). */
  readonly word: string;
  /** Set when a button can run it; otherwise the card asks the user to type it. */
  readonly command: ButtonCommand | null;
}

/** The answer to a typo: the command it probably meant, one click (or a retype) away, and the way to all commands. */
export function buildDidYouMeanCard(input: DidYouMeanCardInput): AdaptiveCard {
  const { lang, word, command } = input;
  const actions: CardAction[] = [];
  if (command) actions.push(commandAction(translate(lang, 'unknown.runIt', { command: word }), command));
  actions.push(commandAction(translate(lang, 'welcome.help'), 'help'));
  const body = [paragraph(translate(lang, 'unknown.didYouMean', { command: word }))];
  if (!command) body.push(paragraph(translate(lang, 'unknown.typeIt'), { isSubtle: true }, { spacing: 'small' }));
  return adaptiveCard(body, actions);
}
