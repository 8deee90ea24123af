import { COMMAND_WORDS, normaliseCommandText, type Command } from './commands';

export interface CommandSuggestion {
  readonly command: Command;
  /** The phrase as the bot knows it ("my tasks", "mijn taken"): in the language the user typed. */
  readonly word: string;
}

/** Levenshtein distance: insertions, deletions and substitutions each count one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** One slip in a short word, two in a longer phrase: more would suggest commands for ordinary sentences. */
function tolerance(word: string): number {
  return word.length <= 5 ? 1 : 2;
}

/** The command a typo most likely meant ("my taks", "mijn signalne"), or null when nothing is close. */
export function suggestCommand(text: string | undefined): CommandSuggestion | null {
  const typed = normaliseCommandText(text ?? '');
  if (typed.length < 3) return null;
  let best: (CommandSuggestion & { distance: number }) | null = null;
  for (const [word, command] of COMMAND_WORDS) {
    if (word.length < 3) continue;
    const distance = editDistance(typed, word);
    if (distance <= tolerance(word) && (best === null || distance < best.distance)) best = { command, word, distance };
  }
  return best ? { command: best.command, word: best.word } : null;
}
