import { translate } from '../../src/domain/i18n/translate';
import type { BotTurn } from '../bot-turn';
import { buildActivationCancelledCard } from '../cards/activation-cards';
import { commandAction } from '../cards/card-actions';
import { buildMessageCard } from '../cards/message-card';
import type { VerbHandlers } from '../cards/verbs';
import { showSummary, showWorkList } from '../work-views';
import { COMMAND_HANDLERS } from './command-handlers';
import { cancelSettings, saveSettings } from './settings-handlers';
import { actOnTask, showTaskCard } from './task-action-handlers';

/**
 * A code form clicked when no activation is running: an old card. It answers with how things stand
 * now: linked already (with the lists at hand), or no activation in progress.
 */
async function notStarted(turn: BotTurn): Promise<void> {
  const activation = await turn.services.activations.get(turn.user);
  if (activation?.status === 'active') {
    const actions = [commandAction(translate(turn.lang, 'list.tasks.title'), 'tasks'), commandAction(translate(turn.lang, 'list.signals.title'), 'signals')];
    await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'activation.alreadyActive', { userId: activation.afasUserId }), actions }));
    return;
  }
  await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.notStarted'), tone: 'warning' }));
}

/**
 * One handler per card verb, with data already validated by the verb's schema. Activation verbs
 * land here only when no activation dialog is running (otherwise the dialog takes them).
 */
export const VERB_HANDLERS: VerbHandlers<BotTurn, Promise<void>> = {
  'list.page': (data, turn) => showWorkList(turn, data.kind, { page: data.page, from: data.from, cardVersion: data.v }),
  // Refresh asks for the current list anyway: no note when it changed, only the page clamped.
  'list.refresh': (data, turn) => showWorkList(turn, data.kind, { page: data.page, from: data.from }),
  'summary.refresh': (_data, turn) => showSummary(turn),
  'activation.start': (_data, turn) => turn.beginActivation(),
  'activation.submitUser': (data, turn) => turn.beginActivation({ afasUserId: data.afasUserId }),
  'activation.submitCode': (_data, turn) => notStarted(turn),
  'activation.resend': (_data, turn) => notStarted(turn),
  'activation.cancel': async (_data, turn) => {
    await turn.cancelDialogs();
    await turn.replies.send(buildActivationCancelledCard(turn.lang));
  },
  'deactivate.confirm': async (_data, turn) => {
    const { wasActive } = await turn.services.deactivateUser.execute(turn.user);
    await turn.replies.send(buildMessageCard({ text: translate(turn.lang, wasActive ? 'deactivate.done' : 'deactivate.notActive'), tone: wasActive ? 'success' : 'info' }));
  },
  'deactivate.cancel': async (_data, turn) => {
    await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'deactivate.cancelled') }));
  },
  'settings.save': (data, turn) => saveSettings(data, turn),
  'settings.cancel': (_data, turn) => cancelSettings(turn),
  'command.run': async (data, turn) => {
    turn.replies.answerAsNewMessages();
    await COMMAND_HANDLERS[data.command](turn);
  },
  'task.act': (data, turn) => actOnTask(data, turn),
  'task.more': (data, turn) => showTaskCard(data, turn),
};
