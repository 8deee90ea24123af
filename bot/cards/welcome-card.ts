import { translate } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import { adaptiveCard, type AdaptiveCard, type CardAction } from './adaptive-card';
import { commandAction, executeAction } from './card-actions';
import { heading, paragraph } from './rich-text';
import { VERBS } from './verbs';

export interface WelcomeCardInput {
  readonly lang: Language;
  /** An already activated user (say, after reinstalling) is not asked to activate again. */
  readonly activated?: boolean;
}

/** The first message after installation: what the app does and the way in. */
export function buildWelcomeCard(input: WelcomeCardInput): AdaptiveCard {
  const { lang } = input;
  const body = [heading(translate(lang, 'welcome.title')), paragraph(translate(lang, 'welcome.body'), {}, { spacing: 'small' })];
  const actions: CardAction[] = [];
  if (!input.activated) {
    body.push(paragraph(translate(lang, 'welcome.activateIntro')));
    actions.push(executeAction(VERBS.activationStart, translate(lang, 'welcome.activate'), {}, { style: 'positive' }));
  }
  actions.push(commandAction(translate(lang, 'welcome.help'), 'help'));
  return adaptiveCard(body, actions);
}
