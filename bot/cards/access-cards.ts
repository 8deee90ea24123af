import { translate } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import type { AdaptiveCard } from './adaptive-card';
import { executeAction } from './card-actions';
import { buildMessageCard } from './message-card';
import { VERBS } from './verbs';

/** Asked for tasks or signals before activating: explains why and offers "Activate". */
export function buildNotActivatedCard(lang: Language): AdaptiveCard {
  return buildMessageCard({
    title: translate(lang, 'notActivated.title'),
    text: translate(lang, 'notActivated.body'),
    actions: [executeAction(VERBS.activationStart, translate(lang, 'welcome.activate'), {}, { style: 'positive' })],
  });
}

/** The user's tenant has no (enabled) AFAS connection: nothing to activate against. */
export function buildNoAccessCard(lang: Language): AdaptiveCard {
  return buildMessageCard({ title: translate(lang, 'noAccess.title'), text: translate(lang, 'noAccess.body') });
}
