import { formatDateTime } from '../../src/domain/i18n/format-date-time';
import { translate } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItem } from '../../src/domain/work-item';
import type { ColumnSet, TextRun } from './adaptive-card';
import { openUrlAction } from './card-actions';
import { MAX_SHORT_TEXT_LENGTH, MAX_TITLE_LENGTH, plainText } from './plain-text';
import { richText, separatorRun, textRun } from './rich-text';

const DOT = ' · ';

/** "Task · from Jan de Vries · 1 Jul 2024 09:30", every AFAS part cut to a short length. */
export function itemMetaLine(item: WorkItem, lang: Language): string {
  const type = item.type !== null && plainText(item.type) !== '' ? item.type : translate(lang, item.kind === 'task' ? 'kind.task' : 'kind.signal');
  const parts = [plainText(type, MAX_SHORT_TEXT_LENGTH)];
  if (item.from !== null && plainText(item.from) !== '') {
    parts.push(translate(lang, 'list.from', { name: plainText(item.from, MAX_SHORT_TEXT_LENGTH) }));
  }
  if (item.date !== null) parts.push(formatDateTime(lang, item.date));
  return parts.join(DOT);
}

/** The title line's runs: "New · " for unread items, then the title (cut to a title's length). */
export function titleRuns(item: WorkItem, lang: Language): TextRun[] {
  const title = plainText(item.title, MAX_TITLE_LENGTH) === '' ? translate(lang, 'list.untitled') : item.title;
  const titleRun = textRun(title, item.unread ? { weight: 'bolder' } : {}, MAX_TITLE_LENGTH);
  if (!item.unread) return [titleRun];
  return [textRun(translate(lang, 'list.unread'), { weight: 'bolder', color: 'accent' }), separatorRun(DOT, { color: 'accent' }), titleRun];
}

/**
 * One task or signal: title (with a "New" marker when unread), a subtle line with type, sender and
 * Amsterdam date, and an "Open" button to `url`.
 */
export function workItemView(item: WorkItem, lang: Language, url: string): ColumnSet {
  return {
    type: 'ColumnSet',
    separator: true,
    spacing: 'medium',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          richText(titleRuns(item, lang)),
          richText([textRun(itemMetaLine(item, lang), { isSubtle: true, size: 'small' })], { spacing: 'none' }),
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'center',
        items: [{ type: 'ActionSet', actions: [openUrlAction(translate(lang, 'list.open'), url)] }],
      },
    ],
  };
}
