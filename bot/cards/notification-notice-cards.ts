import { translate } from '../../src/domain/i18n/translate';
import type { ItemCounts } from '../../src/domain/notification';
import type { WorkItemKind } from '../../src/domain/work-item';
import type { Language } from '../../src/domain/user-preferences';
import type { AdaptiveCard } from './adaptive-card';
import { executeAction } from './card-actions';
import { buildMessageCard } from './message-card';
import { allItemsAction, openCountsPhrase } from './notification-lines';
import { VERBS } from './verbs';

/** Once, at the first poll after activation: what is open already, instead of a card per old item. */
export function buildBaselineCard(lang: Language, counts: ItemCounts, atLeast: readonly WorkItemKind[] = []): AdaptiveCard {
  const kinds = (['signal', 'task'] as const).filter((kind) => (counts[kind] ?? 0) > 0);
  return buildMessageCard({
    title: translate(lang, 'notify.baseline.title'),
    text: translate(lang, 'notify.baseline.body', { items: openCountsPhrase(lang, counts, atLeast) }),
    actions: kinds.map((kind) => allItemsAction(lang, kind)),
  });
}

/** Once per invalidation: AFAS stopped accepting the user's token. */
export function buildReactivationCard(lang: Language): AdaptiveCard {
  return buildMessageCard({
    title: translate(lang, 'notify.reactivate.title'),
    text: translate(lang, 'notify.reactivate.body'),
    tone: 'warning',
    actions: [executeAction(VERBS.activationStart, translate(lang, 'welcome.activate'), {}, { style: 'positive' })],
  });
}
