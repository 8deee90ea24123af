import { translate, translatePlural } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItemKind } from '../../src/domain/work-item';
import type { RichTextBlock } from './adaptive-card';
import { openUrlAction } from './card-actions';
import { richText, textRun } from './rich-text';

/** "1 open task" / "7 signals". */
export function countPhrase(lang: Language, kind: WorkItemKind, count: number): string {
  return translatePlural(lang, kind === 'task' ? 'count.openTasks' : 'count.signals', count);
}

/** "7 open tasks, 2 new"; just "7 open tasks" when nothing is new. */
export function countLine(lang: Language, kind: WorkItemKind, total: number, newCount: number): string {
  const items = countPhrase(lang, kind, total);
  if (newCount <= 0) return items;
  return translate(lang, 'count.withNew', { items, new: translate(lang, 'count.new', { count: newCount }) });
}

/** "and 13 more — open the tab or AFAS InSite", itself a link to the tab (or InSite without one). */
export function moreLine(lang: Language, remaining: number, tabUrl: string | null, insiteUrl: string): RichTextBlock {
  const text = tabUrl ? translate(lang, 'list.more', { count: remaining }) : translate(lang, 'list.moreInsite', { count: remaining });
  const target = openUrlAction(translate(lang, tabUrl ? 'list.openTab' : 'list.openAfas'), tabUrl ?? insiteUrl);
  return richText([textRun(text, { color: 'accent', selectAction: target })], { spacing: 'medium' });
}
