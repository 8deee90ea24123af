import { translate } from '../../src/domain/i18n/translate';
import { HANDLE_ACTION_TYPE } from '../../src/domain/task-action';
import type { Language } from '../../src/domain/user-preferences';
import type { OfferedAction, TaskActionsView } from '../../src/use-cases/list-task-actions';
import type { WorkItem } from '../../src/domain/work-item';
import type { Container, ExecuteAction } from './adaptive-card';
import { executeAction, openUrlAction } from './card-actions';
import { richText, textRun } from './rich-text';
import { itemMetaLine, titleRuns } from './work-item-view';
import { MAX_SHORT_TEXT_LENGTH, plainText } from './plain-text';
import { VERBS } from './verbs';

/** Where a task's buttons sit: on the list card (Back leads there) or the summary. */
export type TaskOrigin = 'list' | 'summary';

/** One AFAS action as a button: the card carries the subject, the action's position and its signature, nothing else. */
export function taskActionButton(view: TaskActionsView, action: OfferedAction, options: { readonly withInput?: boolean } = {}): ExecuteAction {
  return executeAction(
    VERBS.taskAct,
    plainText(action.description, MAX_SHORT_TEXT_LENGTH),
    { s: view.subjectId, a: action.index, g: action.signature },
    // The list card has no inputs: no `associatedInputs` there keeps ten tasks within one message.
    { ...(options.withInput ? { associatedInputs: 'auto' as const } : {}), ...(action.index === 0 && action.type === HANDLE_ACTION_TYPE ? { style: 'positive' as const } : {}) },
  );
}

/**
 * A task with its actions, on the tasks card and the summary: title and meta line as every item
 * has, then one row of buttons: AFAS's handle actions (ActionType 1) in SeqNo order, one click
 * each; "More…", which opens the task card (reaction text, the other actions); and "Open". Laid
 * out without the columns of a plain item, because ten such tasks must fit one Teams message.
 */
export function taskItemView(item: WorkItem, view: TaskActionsView, lang: Language, url: string, from: TaskOrigin): Container {
  return {
    type: 'Container',
    separator: true,
    spacing: 'medium',
    items: [
      richText(titleRuns(item, lang)),
      richText([textRun(itemMetaLine(item, lang), { isSubtle: true, size: 'small' })], { spacing: 'none' }),
      { type: 'ActionSet', actions: [...taskActionButtons(view, lang, from), openUrlAction(translate(lang, 'list.open'), url)] },
    ],
  };
}

/** A task's handle actions (SeqNo order, one click each) and "More…" (the task card). */
export function taskActionButtons(view: TaskActionsView, lang: Language, from: TaskOrigin = 'list'): ExecuteAction[] {
  const handle = view.actions.filter((a) => a.type === HANDLE_ACTION_TYPE).map((a) => taskActionButton(view, a));
  return [...handle, executeAction(VERBS.taskMore, translate(lang, 'tasks.action.more'), { s: view.subjectId, ...(from === 'summary' ? { from } : {}) })];
}
