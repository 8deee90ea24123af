import { formatMoment } from '../../src/domain/i18n/format-date-time';
import type { FailureView } from '../../contracts/tab-api';
import { translate, type Language } from '../i18n';

/** Like the bot's card: a few owners are enough to know whom to ask. */
const MAX_OWNERS_SHOWN = 5;

/** The heading over a failure that stops the whole tab. */
export function failureTitle(lang: Language, failure: FailureView): string | undefined {
  if (failure.kind === 'accessDenied') return translate(lang, 'admin.noAccess.title');
  if (failure.kind === 'noAccess') return translate(lang, 'noAccess.title');
  return undefined;
}

/** A failure as one sentence that tells the user what to do. */
export function failureText(lang: Language, failure: FailureView, now: Date): string {
  switch (failure.kind) {
    case 'maintenance':
      return failure.until === null ? translate(lang, 'error.maintenanceNoTime') : translate(lang, 'error.maintenance', { time: formatMoment(lang, new Date(failure.until), now) });
    case 'afas':
      return failure.reference === null ? translate(lang, 'error.afasFailedNoReference') : translate(lang, 'error.afasFailed', { reference: failure.reference });
    case 'unreachable':
      return translate(lang, 'error.unreachable');
    case 'adminSetup':
      return translate(lang, 'error.adminSetup');
    case 'noAccess':
      return translate(lang, 'noAccess.body');
    case 'accessDenied':
      return failure.owners.length > 0 ? translate(lang, 'admin.noAccess.askOwners', { owners: failure.owners.slice(0, MAX_OWNERS_SHOWN).join(', ') + (failure.owners.length > MAX_OWNERS_SHOWN ? ', …' : '') }) : translate(lang, 'admin.noAccess.askAdministrator');
    case 'generic':
      return translate(lang, 'error.generic');
  }
}
