import { formatMoment } from '../../src/domain/i18n/format-date-time';
import { translate } from '../../src/domain/i18n/translate';
import type { UserFacingFailure } from '../../src/domain/user-facing-failure';
import type { Language } from '../../src/domain/user-preferences';
import type { AdaptiveCard } from './adaptive-card';
import { executeAction } from './card-actions';
import { buildMessageCard } from './message-card';
import { VERBS } from './verbs';

/** The card for a failure, in the user's language; an expired activation offers "Activate". */
export function buildErrorCard(lang: Language, failure: UserFacingFailure, now: Date): AdaptiveCard {
  switch (failure.kind) {
    case 'expired':
      return buildMessageCard({
        text: translate(lang, 'error.expired'),
        tone: 'warning',
        actions: [executeAction(VERBS.activationStart, translate(lang, 'welcome.activate'), {}, { style: 'positive' })],
      });
    case 'maintenance':
      return buildMessageCard({
        text: failure.until === null ? translate(lang, 'error.maintenanceNoTime') : translate(lang, 'error.maintenance', { time: formatMoment(lang, failure.until, now) }),
        tone: 'warning',
      });
    case 'afas':
      return buildMessageCard({
        text: failure.reference === null ? translate(lang, 'error.afasFailedNoReference') : translate(lang, 'error.afasFailed', { reference: failure.reference }),
        tone: 'error',
      });
    case 'unreachable':
      return buildMessageCard({ text: translate(lang, 'error.unreachable'), tone: 'warning' });
    case 'adminSetup':
      return buildMessageCard({ text: translate(lang, 'error.adminSetup'), tone: 'error' });
    // The bot checks access before it reads AFAS: noAccess and accessDenied reach a card only as a last resort.
    case 'noAccess':
    case 'accessDenied':
    case 'generic':
      return buildMessageCard({ text: translate(lang, 'error.generic'), tone: 'error' });
  }
}
