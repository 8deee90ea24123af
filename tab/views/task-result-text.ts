import { MAX_REACTION_TEXT_LENGTH, outcomeWord } from '../../src/domain/task-action';
import type { ActResultResponse } from '../../contracts/tab-task-actions';
import { formatTime, translate, type Language } from '../i18n';

const RESULT_KEYS = { approved: 'tasks.result.approved', rejected: 'tasks.result.rejected', handled: 'tasks.result.handled' } as const;

export interface ActOutcomeText {
  readonly text: string;
  readonly tone: 'info' | 'warning' | 'error';
  /** The task is no longer the user's to act on: it leaves the list. */
  readonly leavesList: boolean;
}

/** A click's outcome in the same words as the bot's result card ("Approved by you at 14:03 — …"). */
export function actOutcomeText(lang: Language, result: ActResultResponse): ActOutcomeText {
  const titled = (title: string | null) => (title === null || title.trim() === '' ? translate(lang, 'list.untitled') : title);
  switch (result.status) {
    case 'done': {
      const params = { time: formatTime(lang, new Date(result.at)), title: titled(result.title) };
      if (result.kind === 'comment') return { text: translate(lang, 'tasks.result.comment', params), tone: 'info', leavesList: false };
      const word = outcomeWord(result.action ?? '');
      const text = word ? translate(lang, RESULT_KEYS[word], params) : translate(lang, 'tasks.result.action', { ...params, action: result.action ?? '' });
      return { text, tone: 'info', leavesList: true };
    }
    case 'alreadyHandled':
      return { text: `${translate(lang, 'tasks.result.alreadyHandled', { title: titled(result.title) })}. ${translate(lang, 'tasks.result.alreadyHandledDetail')}`, tone: 'warning', leavesList: true };
    case 'inProgress':
      return { text: translate(lang, 'tasks.result.inProgress'), tone: 'warning', leavesList: false };
    case 'notOffered':
      return { text: translate(lang, 'tasks.result.notOffered'), tone: 'warning', leavesList: false };
    case 'invalidText':
      return {
        text: result.problem === 'tooLong' ? translate(lang, 'tasks.text.tooLong', { max: MAX_REACTION_TEXT_LENGTH }) : translate(lang, result.problem === 'required' ? 'tasks.text.required' : 'tasks.text.controlCharacters'),
        tone: 'error',
        leavesList: false,
      };
    case 'afasError':
      return {
        text: [
          translate(lang, 'tasks.result.afasError', { title: titled(result.title) }) + '.',
          result.message ? translate(lang, 'tasks.result.afasMessage', { message: result.message }) : null,
          result.reference ? translate(lang, 'tasks.result.reference', { reference: result.reference }) : null,
        ].filter((part): part is string => part !== null).join(' '),
        tone: 'error',
        leavesList: false,
      };
  }
}
