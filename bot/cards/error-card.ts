import { isAfasError } from '../../src/domain/afas-error';
import { formatMoment } from '../../src/domain/i18n/format-date-time';
import { translate } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import type { AdaptiveCard } from './adaptive-card';
import { executeAction } from './card-actions';
import { buildMessageCard } from './message-card';
import { VERBS } from './verbs';

/** What a user can be told about a failure; nothing here carries a token, key or code. */
export type UserFacingFailure =
  | { readonly kind: 'expired' }
  | { readonly kind: 'maintenance'; readonly until: Date | null }
  | { readonly kind: 'afas'; readonly reference: string | null }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'adminSetup' }
  | { readonly kind: 'generic' };

/** Classifies an error for the user: AFAS 401 means activate again, 503 means wait, and so on. */
export function userFacingFailure(error: unknown, now: Date): UserFacingFailure {
  if (!isAfasError(error)) return { kind: 'generic' };
  switch (error.code) {
    case 'afas_unauthorized':
      return { kind: 'expired' };
    case 'afas_unavailable':
      // Only 503 is AFAS's maintenance answer; 429 and gateway errors share the code but are no maintenance.
      if (error.status !== 503) return { kind: 'unreachable' };
      return { kind: 'maintenance', until: error.retryAfterSeconds === undefined ? null : new Date(now.getTime() + error.retryAfterSeconds * 1000) };
    case 'afas_timeout':
    case 'afas_network':
      return { kind: 'unreachable' };
    case 'afas_forbidden':
      return { kind: 'adminSetup' };
    default:
      return { kind: 'afas', reference: error.profitLogReference ?? null };
  }
}

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
    case 'generic':
      return buildMessageCard({ text: translate(lang, 'error.generic'), tone: 'error' });
  }
}
