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

/** At most this many owners are named on the card; a tenant rarely has more. */
const MAX_OWNERS_SHOWN = 5;

/**
 * Without `owners`: the user's tenant has no (enabled) AFAS connection, nothing to activate
 * against. With `owners`: the connection admits only listed people and this user is not one of
 * them; the card names the app owners who can add them (as "Name (upn)").
 */
export function buildNoAccessCard(lang: Language, owners?: readonly string[]): AdaptiveCard {
  if (owners === undefined) return buildMessageCard({ title: translate(lang, 'noAccess.title'), text: translate(lang, 'noAccess.body') });
  const shown = owners.slice(0, MAX_OWNERS_SHOWN).join(', ') + (owners.length > MAX_OWNERS_SHOWN ? ', …' : '');
  const text = owners.length > 0 ? translate(lang, 'admin.noAccess.askOwners', { owners: shown }) : translate(lang, 'admin.noAccess.askAdministrator');
  return buildMessageCard({ title: translate(lang, 'admin.noAccess.title'), text });
}
