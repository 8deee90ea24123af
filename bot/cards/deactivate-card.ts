import { translate } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import { adaptiveCard, type AdaptiveCard } from './adaptive-card';
import { executeAction } from './card-actions';
import { heading, paragraph } from './rich-text';
import { VERBS } from './verbs';

/** Asks before removing the user's activation: what stops, and that AFAS itself is untouched. */
export function buildDeactivateCard(lang: Language): AdaptiveCard {
  return adaptiveCard(
    [heading(translate(lang, 'deactivate.title')), paragraph(translate(lang, 'deactivate.body'), {}, { spacing: 'small' })],
    [
      executeAction(VERBS.deactivateConfirm, translate(lang, 'deactivate.confirm'), {}, { style: 'destructive' }),
      executeAction(VERBS.deactivateCancel, translate(lang, 'deactivate.cancel'), {}),
    ],
  );
}
