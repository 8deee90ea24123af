/** What a user can type to the bot, in English and Dutch. */
export type Command = 'tasks' | 'signals' | 'summary' | 'activate' | 'deactivate' | 'settings' | 'help' | 'resend' | 'cancel' | 'dutch' | 'english';

const WORDS: Record<Command, readonly string[]> = {
  tasks: ['my tasks', 'tasks', 'mijn taken', 'taken', 'task', 'taak'],
  signals: ['my signals', 'signals', 'mijn signalen', 'signalen', 'signal', 'signaal'],
  summary: ['summary', 'overzicht', 'overview', 'samenvatting'],
  activate: ['activate', 'activeren', 'activeer', 'sign in', 'aanmelden', 'connect', 'koppelen'],
  deactivate: ['deactivate', 'sign out', 'afmelden', 'deactiveren', 'log out', 'uitloggen', 'ontkoppelen'],
  settings: ['settings', 'instellingen', 'preferences', 'voorkeuren'],
  help: ['help', 'hulp', '?', 'commands', 'commando\'s'],
  resend: ['resend', 'opnieuw', 'send again', 'nieuwe code', 'new code'],
  cancel: ['cancel', 'annuleren', 'annuleer', 'stop'],
  dutch: ['nederlands', 'dutch', 'in het nederlands', 'taal nederlands', 'language dutch', 'nl'],
  english: ['english', 'engels', 'in english', 'taal engels', 'language english', 'en'],
};

/** Every phrase the bot understands, with its command. */
export const COMMAND_WORDS: readonly (readonly [word: string, command: Command])[] = (Object.entries(WORDS) as [Command, readonly string[]][]).flatMap(([command, words]) =>
  words.map((w) => [w, command] as const),
);

const LOOKUP = new Map<string, Command>(COMMAND_WORDS);

/**
 * Removes the bot's @mention (Teams puts `<at>Name</at>` in the text), markup left by the client,
 * surrounding punctuation and extra spaces, and lowercases.
 */
export function normaliseCommandText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/[.!]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The command a message means, or null for anything else (answered with a short help card). */
export function parseCommand(text: string | undefined): Command | null {
  if (!text) return null;
  return LOOKUP.get(normaliseCommandText(text)) ?? null;
}
