import { translate } from '../../src/domain/i18n/translate';
import type { DigestSection } from '../../src/domain/notification';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItem } from '../../src/domain/work-item';
import type { AdaptiveCard } from './adaptive-card';
import { heading } from './rich-text';
import { buildSummaryCard } from './summary-card';

export interface DigestCardInput {
  readonly lang: Language;
  readonly tasks: DigestSection;
  readonly signals: DigestSection;
  readonly itemUrl: (item: WorkItem) => string;
  readonly insiteUrl: string;
  readonly now: Date;
  /** One item per kind (after Teams refused the full card as too large). */
  readonly compact?: boolean;
}

/**
 * The daily digest: the summary card (counts, newest items, "All tasks"/"All signals", Refresh)
 * under its own title. Only built when something is open.
 */
export function buildDigestCard(input: DigestCardInput): AdaptiveCard {
  const keep = input.compact ? 1 : undefined;
  const section = (s: DigestSection) => ({ items: s.items.slice(0, keep), totalCount: s.total, newCount: s.unread, truncated: s.truncated === true });
  const card = buildSummaryCard({ lang: input.lang, tasks: section(input.tasks), signals: section(input.signals), itemUrl: input.itemUrl, insiteUrl: input.insiteUrl, now: input.now });
  return { ...card, body: [heading(translate(input.lang, 'notify.digest.title')), ...card.body.slice(1)] };
}
