import { formatTime } from '../../src/domain/i18n/format-date-time';
import { translate } from '../../src/domain/i18n/translate';
import { MAX_REACTION_TEXT_LENGTH, outcomeWord } from '../../src/domain/task-action';
import type { Language } from '../../src/domain/user-preferences';
import type { ActOnTaskResult } from '../../src/use-cases/act-on-task';
import type { AdaptiveCard } from './adaptive-card';
import { commandAction } from './card-actions';
import { buildMessageCard } from './message-card';
import { MAX_SHORT_TEXT_LENGTH, plainText } from './plain-text';

const RESULT_KEYS = { approved: 'tasks.result.approved', rejected: 'tasks.result.rejected', handled: 'tasks.result.handled' } as const;

/**
 * What replaces the clicked card: the final state ("Approved by you at 14:03 — <task>") or why
 * nothing happened. Always with "My tasks", which shows the list as AFAS has it now.
 */
export function buildTaskResultCard(lang: Language, result: ActOnTaskResult): AdaptiveCard {
  const actions = [commandAction(translate(lang, 'tasks.result.showTasks'), 'tasks')];
  const titled = (title: string | null) => (title === null || title === '' ? translate(lang, 'list.untitled') : title);
  switch (result.status) {
    case 'done': {
      const params = { time: formatTime(lang, result.at), title: titled(result.title) };
      if (result.kind === 'comment') return buildMessageCard({ text: translate(lang, 'tasks.result.comment', params), tone: 'success', actions });
      const word = outcomeWord(result.action ?? '');
      const text = word ? translate(lang, RESULT_KEYS[word], params) : translate(lang, 'tasks.result.action', { ...params, action: plainText(result.action ?? '', MAX_SHORT_TEXT_LENGTH) });
      return buildMessageCard({ text, tone: 'success', actions });
    }
    case 'alreadyHandled':
      return buildMessageCard({ text: translate(lang, 'tasks.result.alreadyHandled', { title: titled(result.title) }), tone: 'warning', details: [translate(lang, 'tasks.result.alreadyHandledDetail')], actions });
    case 'inProgress':
      return buildMessageCard({ text: translate(lang, 'tasks.result.inProgress'), tone: 'warning', actions });
    case 'notOffered':
      return buildMessageCard({ text: translate(lang, 'tasks.result.notOffered'), tone: 'warning', actions });
    case 'invalidText':
      return buildMessageCard({
        text: result.problem === 'tooLong' ? translate(lang, 'tasks.text.tooLong', { max: MAX_REACTION_TEXT_LENGTH }) : translate(lang, result.problem === 'required' ? 'tasks.text.required' : 'tasks.text.controlCharacters'),
        tone: 'warning',
        actions,
      });
    case 'afasError': {
      const details = [
        ...(result.message ? [translate(lang, 'tasks.result.afasMessage', { message: result.message })] : []),
        ...(result.reference ? [translate(lang, 'tasks.result.reference', { reference: result.reference })] : []),
      ];
      return buildMessageCard({ text: translate(lang, 'tasks.result.afasError', { title: titled(result.title) }), tone: 'error', details, actions });
    }
  }
}
