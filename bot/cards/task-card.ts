import { translate } from '../../src/domain/i18n/translate';
import { HANDLE_ACTION_TYPE, MAX_REACTION_TEXT_LENGTH } from '../../src/domain/task-action';
import type { Language } from '../../src/domain/user-preferences';
import type { TaskActionsView } from '../../src/use-cases/list-task-actions';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card';
import { commandAction, executeAction, openUrlAction } from './card-actions';
import { heading, paragraph } from './rich-text';
import { taskActionButton } from './task-action-buttons';
import { TASK_INPUT_IDS, VERBS } from './verbs';

export interface TaskCardInput {
  readonly lang: Language;
  readonly title: string | null;
  readonly view: TaskActionsView;
  /** "Open in AFAS": the task's page in InSite (or the default tasks page). */
  readonly afasUrl: string;
}

/**
 * One task with everything that can be done to it: an optional reaction that goes along with the
 * chosen action, the handle actions as buttons (SeqNo order), the other actions and "send reaction
 * only" under "More" (Action.ShowCard), "Open in AFAS" and back to the list.
 */
export function buildTaskCard(input: TaskCardInput): AdaptiveCard {
  const { lang, view } = input;
  const body: CardElement[] = [
    heading(translate(lang, 'tasks.card.title')),
    paragraph(input.title ?? translate(lang, 'list.untitled'), { weight: 'bolder' }, { spacing: 'small' }),
    {
      type: 'Input.Text',
      id: TASK_INPUT_IDS.reaction,
      label: translate(lang, 'tasks.card.reactionLabel'),
      placeholder: translate(lang, 'tasks.card.reactionPlaceholder'),
      isMultiline: true,
      maxLength: MAX_REACTION_TEXT_LENGTH,
      spacing: 'medium',
    },
  ];
  const handle = view.actions.filter((a) => a.type === HANDLE_ACTION_TYPE).map((a) => taskActionButton(view, a, { withInput: true }));
  const others: CardAction[] = view.actions.filter((a) => a.type !== HANDLE_ACTION_TYPE).map((a) => taskActionButton(view, a, { withInput: true }));
  others.push(executeAction(VERBS.taskAct, translate(lang, 'tasks.card.comment'), { s: view.subjectId, a: 'c', g: view.commentSignature }, { associatedInputs: 'auto' }));
  body.push({ type: 'ActionSet', spacing: 'medium', actions: handle });
  const actions: CardAction[] = [
    { type: 'Action.ShowCard', title: translate(lang, 'tasks.card.otherActions'), card: { type: 'AdaptiveCard', body: [], actions: others } },
    openUrlAction(translate(lang, 'tasks.card.openAfas'), input.afasUrl),
    commandAction(translate(lang, 'tasks.card.back'), 'tasks', 'secondary'),
  ];
  return adaptiveCard(body, actions);
}

/** When "More…" finds the task gone from AFAS. */
export function buildTaskGoneCard(lang: Language): AdaptiveCard {
  return adaptiveCard([paragraph(translate(lang, 'tasks.card.gone'), { weight: 'bolder' })], [commandAction(translate(lang, 'tasks.result.showTasks'), 'tasks')]);
}
