import { translate } from '../../src/domain/i18n/translate';
import type { BotTurn } from '../bot-turn';
import { buildActivationCancelledCard } from '../cards/activation-cards';
import { buildMessageCard } from '../cards/message-card';
import type { VerbHandlers } from '../cards/verbs';
import { showSummary, showWorkList } from '../work-views';
import { COMMAND_HANDLERS } from './command-handlers';
import { cancelSettings, saveSettings } from './settings-handlers';

async function notStarted(turn: BotTurn): Promise<void> {
  await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.notStarted'), tone: 'warning' }));
}

/**
 * One handler per card verb, with data already validated by the verb's schema. Activation verbs
 * land here only when no activation dialog is running (otherwise the dialog takes them).
 */
export const VERB_HANDLERS: VerbHandlers<BotTurn, Promise<void>> = {
  'list.page': (data, turn) => showWorkList(turn, data.kind, data.page, data.from),
  'list.refresh': (data, turn) => showWorkList(turn, data.kind, data.page, data.from),
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
};
