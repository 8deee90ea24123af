import { translate, translatePlural } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItemKind } from '../../src/domain/work-item';
import type { RichTextBlock } from './adaptive-card';
import { openUrlAction } from './card-actions';
import { richText, textRun } from './rich-text';

/** "1 open task" / "7 signals"; "500+ open tasks" when AFAS holds more than were read (`atLeast`). */
export function countPhrase(lang: Language, kind: WorkItemKind, count: number, atLeast = false): string {
  if (atLeast) return translate(lang, kind === 'task' ? 'count.openTasksAtLeast' : 'count.signalsAtLeast', { count });
  return translatePlural(lang, kind === 'task' ? 'count.openTasks' : 'count.signals', count);
}

/** A number that is a lower bound when `atLeast`: "13" or "13+". */
export function countNumber(lang: Language, count: number, atLeast: boolean): string | number {
  return atLeast ? translate(lang, 'count.atLeast', { count }) : count;
}

/**
 * "7 open tasks, 2 new"; just "7 open tasks" when nothing is new. With `atLeast` (only the newest
 * were read) both numbers are lower bounds: "500+ open tasks, 12+ new".
 */
export function countLine(lang: Language, kind: WorkItemKind, total: number, newCount: number, atLeast = false): string {
  const items = countPhrase(lang, kind, total, atLeast);
  if (newCount <= 0) return items;
  return translate(lang, 'count.withNew', { items, new: translate(lang, atLeast ? 'count.newAtLeast' : 'count.new', { count: newCount }) });
}

/**
 * "and 13 more — open the tab or AFAS InSite", itself a link to the tab (or InSite without one).
 * With `atLeast` AFAS holds more than were read: "and 13+ more", or "and more" past the last one read.
 */
export function moreLine(lang: Language, remaining: number, tabUrl: string | null, insiteUrl: string, atLeast = false): RichTextBlock {
  const count = countNumber(lang, remaining, atLeast);
  // Past the last item read, only AFAS InSite has the rest: the tab reads no further than the card.
  const uncounted = atLeast && remaining <= 0;
  const link = uncounted ? null : tabUrl;
  const text = uncounted ? translate(lang, 'list.moreInsiteUncounted') : link ? translate(lang, 'list.more', { count }) : translate(lang, 'list.moreInsite', { count });
  const target = openUrlAction(translate(lang, link ? 'list.openTab' : 'list.openAfas'), link ?? insiteUrl);
  return richText([textRun(text, { color: 'accent', selectAction: target })], { spacing: 'medium' });
}
