import { translate, type PlainMessageKey } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement, type ColumnSet } from './adaptive-card';
import { commandAction, executeAction } from './card-actions';
import { heading, paragraph, richText, textRun } from './rich-text';
import { VERBS } from './verbs';

/** The commands in the order the help card lists them, with their description. */
export const HELP_COMMANDS: readonly (readonly [command: PlainMessageKey, description: PlainMessageKey])[] = [
  ['command.myTasks', 'help.myTasks'],
  ['command.mySignals', 'help.mySignals'],
  ['command.summary', 'help.summary'],
  ['command.activate', 'help.activate'],
  ['command.deactivate', 'help.deactivate'],
  ['command.settings', 'help.settings'],
  ['command.language', 'help.language'],
  ['command.help', 'help.help'],
];

function commandRow(lang: Language, command: PlainMessageKey, description: PlainMessageKey): ColumnSet {
  return {
    type: 'ColumnSet',
    spacing: 'small',
    columns: [
      { type: 'Column', width: '110px', items: [richText([textRun(translate(lang, command), { weight: 'bolder' })])] },
      { type: 'Column', width: 'stretch', items: [richText([textRun(translate(lang, description))])] },
    ],
  };
}

export interface HelpCardInput {
  readonly lang: Language;
  readonly activated: boolean;
  /** The answer to text the bot did not understand: says so before listing the commands. */
  readonly unrecognised?: boolean;
}

/**
 * The commands in the user's language (the bot understands both). Buttons post a command into the
 * chat, so the help stays readable above the answer.
 */
export function buildHelpCard(input: HelpCardInput): AdaptiveCard {
  const { lang } = input;
  const body: CardElement[] = [heading(translate(lang, 'help.title')), paragraph(translate(lang, input.unrecognised ? 'unknown.intro' : 'help.intro'), {}, { spacing: 'small' })];
  for (const [command, description] of HELP_COMMANDS) body.push(commandRow(lang, command, description));
  const actions: CardAction[] = input.activated
    ? [
        commandAction(translate(lang, 'list.tasks.title'), 'tasks'),
        commandAction(translate(lang, 'list.signals.title'), 'signals'),
        commandAction(translate(lang, 'summary.title'), 'summary'),
      ]
    : [executeAction(VERBS.activationStart, translate(lang, 'welcome.activate'), {}, { style: 'positive' })];
  return adaptiveCard(body, actions);
}
