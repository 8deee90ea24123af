import { translate } from '../../src/domain/i18n/translate';
import { DEFAULT_PREFERENCES, type Language } from '../../src/domain/user-preferences';
import type { BotTurn } from '../bot-turn';
import type { Command } from '../commands';
import { buildActivationCancelledCard } from '../cards/activation-cards';
import { buildDeactivateCard } from '../cards/deactivate-card';
import { buildDidYouMeanCard } from '../cards/did-you-mean-card';
import { BUTTON_COMMANDS, type ButtonCommand } from '../cards/verbs';
import { suggestCommand } from '../command-suggestion';
import { buildHelpCard } from '../cards/help-card';
import { buildMessageCard } from '../cards/message-card';
import { showSummary, showWorkList } from '../work-views';
import { showSettings } from './settings-handlers';

async function isActivated(turn: BotTurn): Promise<boolean> {
  return (await turn.services.activations.get(turn.user))?.status === 'active';
}

/** The user's own language choice, stored with their preferences; it overrides the Teams locale. */
async function setLanguage(turn: BotTurn, language: Language): Promise<void> {
  const current = (await turn.services.preferences.get(turn.user)) ?? DEFAULT_PREFERENCES;
  await turn.services.preferences.save(turn.user, { ...current, language }, turn.now);
  await turn.replies.send(buildMessageCard({ text: translate(language, 'language.set'), tone: 'success' }));
}

/** One handler per command; the compiler flags a command without one. */
export const COMMAND_HANDLERS: Readonly<Record<Command, (turn: BotTurn) => Promise<void>>> = {
  tasks: (turn) => showWorkList(turn, 'task'),
  signals: (turn) => showWorkList(turn, 'signal'),
  summary: (turn) => showSummary(turn),
  activate: (turn) => turn.beginActivation(),
  deactivate: async (turn) => {
    if (!(await turn.services.activations.get(turn.user))) {
      await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'deactivate.notActive') }));
      return;
    }
    await turn.replies.send(buildDeactivateCard(turn.lang));
  },
  settings: (turn) => showSettings(turn),
  help: async (turn) => turn.replies.send(buildHelpCard({ lang: turn.lang, activated: await isActivated(turn) })),
  resend: async (turn) => turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.notStarted'), tone: 'warning' })),
  dutch: (turn) => setLanguage(turn, 'nl'),
  english: (turn) => setLanguage(turn, 'en'),
  cancel: async (turn) => {
    await turn.cancelDialogs();
    await turn.replies.send(buildActivationCancelledCard(turn.lang));
  },
};

/** The answer to text that is no command: "did you mean …?" for a typo, else a short help card that says so. */
export async function answerUnrecognised(turn: BotTurn): Promise<void> {
  const suggestion = suggestCommand(turn.context.activity.text);
  if (suggestion) {
    const command = (BUTTON_COMMANDS as readonly Command[]).includes(suggestion.command) ? (suggestion.command as ButtonCommand) : null;
    await turn.replies.send(buildDidYouMeanCard({ lang: turn.lang, word: suggestion.word, command }));
    return;
  }
  await turn.replies.send(buildHelpCard({ lang: turn.lang, activated: await isActivated(turn), unrecognised: true }));
}
