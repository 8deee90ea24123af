import { translate, translatePlural } from '../../src/domain/i18n/translate';
import type { ItemCounts } from '../../src/domain/notification';
import type { Language } from '../../src/domain/user-preferences';
import type { WorkItemKind } from '../../src/domain/work-item';
import type { CardAction } from './adaptive-card';
import { commandAction } from './card-actions';
import { countPhrase } from './list-lines';

const KINDS: readonly WorkItemKind[] = ['signal', 'task'];

/** "5 new signals and 2 new tasks"; kinds without items are left out. */
export function newCountsPhrase(lang: Language, counts: ItemCounts): string {
  const parts = KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => translatePlural(lang, kind === 'signal' ? 'notify.newSignals' : 'notify.newTasks', counts[kind] ?? 0));
  return joinTwo(lang, parts);
}

/** "12 signals and 5 open tasks" ("500+ signals" for a kind in `atLeast`): what is open, for the first message after activation. */
export function openCountsPhrase(lang: Language, counts: ItemCounts, atLeast: readonly WorkItemKind[] = []): string {
  return joinTwo(lang, KINDS.filter((kind) => counts[kind] !== undefined).map((kind) => countPhrase(lang, kind, counts[kind] ?? 0, atLeast.includes(kind))));
}

function joinTwo(lang: Language, parts: readonly string[]): string {
  return parts.length === 2 ? translate(lang, 'notify.and', { first: parts[0], second: parts[1] }) : (parts[0] ?? '');
}

/** "All signals" / "All tasks": posts the list command, so the list arrives as a new message and the notification stays. */
export function allItemsAction(lang: Language, kind: WorkItemKind): CardAction {
  return kind === 'signal'
    ? commandAction(translate(lang, 'summary.allSignals'), 'signals')
    : commandAction(translate(lang, 'summary.allTasks'), 'tasks');
}

/** The kinds a message speaks of, signals first. */
export function kindsIn(counts: ItemCounts): WorkItemKind[] {
  return KINDS.filter((kind) => (counts[kind] ?? 0) > 0);
}
