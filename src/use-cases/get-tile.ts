import { isAfasError } from '../domain/afas-error';
import { isAppError } from '../domain/app-error';
import type { UserKey } from '../domain/user-key';
import { DEFAULT_PREFERENCES, type UserPreferences } from '../domain/user-preferences';
import type { WorkItemKind } from '../domain/work-item';
import type { PreferenceStore } from '../ports/preference-store';
import type { ListWorkItems, MyWorkItems } from './list-work-items';
import type { OpenedItems } from './opened-items';

/** One list of the tile: its items, or why AFAS could not give them (the other list may still show). */
export type TileList = { readonly ok: true; readonly list: MyWorkItems } | { readonly ok: false; readonly error: unknown };

export interface Tile {
  readonly tasks: TileList;
  readonly signals: TileList;
  readonly preferences: UserPreferences;
}

/**
 * The tab's live tile: both lists read in parallel, and the user's preferences. A list that fails
 * for an AFAS reason is reported next to the other; an activation that is missing or no longer
 * valid (AFAS answered 401) fails the whole tile, because the answer is to activate; so does a
 * missing AFAS connection, which only an administrator can fix.
 */
export class GetTile {
  constructor(private readonly deps: { readonly listWorkItems: ListWorkItems; readonly preferences: PreferenceStore; readonly opened: OpenedItems }) {}

  async execute(user: UserKey): Promise<Tile> {
    const [tasks, signals, preferences] = await Promise.all([this.list(user, 'task'), this.list(user, 'signal'), this.deps.preferences.get(user)]);
    for (const outcome of [tasks, signals]) {
      if (!outcome.ok && failsWholeTile(outcome.error)) throw outcome.error;
    }
    return { tasks, signals, preferences: preferences ?? DEFAULT_PREFERENCES };
  }

  private list(user: UserKey, kind: WorkItemKind): Promise<TileList> {
    return this.deps.listWorkItems.execute(user, kind).then(
      async (list): Promise<TileList> => ({ ok: true, list: { ...list, items: await this.deps.opened.applyTo(user, list.items) } }),
      (error: unknown): TileList => ({ ok: false, error }),
    );
  }
}

/** Failures that are about the user or the organisation, not about one list. */
function failsWholeTile(error: unknown): boolean {
  return ['not_activated', 'activation_invalid', 'no_connection', 'connection_incomplete'].some((code) => isAppError(error, code)) || isAfasError(error, 'afas_unauthorized');
}
