import { translate } from '../../src/domain/i18n/translate';
import type { TaskActionOffer } from '../../src/domain/task-action';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItem } from '../../src/domain/work-item';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptive-card';
import { openUrlAction } from './card-actions';
import { allItemsAction } from './notification-lines';
import { MAX_TITLE_LENGTH } from './plain-text';
import { heading, paragraph, richText, textRun } from './rich-text';
import { taskActionButtons } from './task-action-buttons';
import { itemMetaLine } from './work-item-view';

/** A compact card (after Teams refused the full one as too large) cuts the title this short. */
export const COMPACT_TITLE_LENGTH = 80;

export interface ItemNotificationCardInput {
  readonly lang: Language;
  readonly item: WorkItem;
  /** Where "Open" leads (see `itemUrl`). */
  readonly url: string;
  /** `compact`: title only, shorter, one button. */
  readonly compact?: boolean;
  /** A task's AFAS actions: its handle actions as buttons and "More…", as on the tasks card. */
  readonly actions?: TaskActionOffer;
}

/**
 * One new task or signal: "New signal", its title, type · sender · Amsterdam date, "Open" in AFAS
 * and "All signals" (a command button, so the list arrives as a new message). A task with actions
 * has them first, as on the tasks card.
 */
export function buildItemNotificationCard(input: ItemNotificationCardInput): AdaptiveCard {
  const { lang, item } = input;
  const title = item.title.trim() === '' ? translate(lang, 'list.untitled') : item.title;
  const body: CardElement[] = [
    heading(translate(lang, item.kind === 'signal' ? 'notify.newSignal' : 'notify.newTask')),
    richText([textRun(title, { weight: 'bolder' }, input.compact ? COMPACT_TITLE_LENGTH : MAX_TITLE_LENGTH)], { spacing: 'small' }),
  ];
  if (!input.compact) body.push(paragraph(itemMetaLine(item, lang), { isSubtle: true, size: 'small' }, { spacing: 'none' }));
  const open = openUrlAction(translate(lang, 'list.open'), input.url);
  if (input.compact) return adaptiveCard(body, [open]);
  return adaptiveCard(body, [...(input.actions ? taskActionButtons(input.actions, lang) : []), open, allItemsAction(lang, item.kind)]);
}
