import type { UserKey } from '../domain/user-key';
import { DEFAULT_PREFERENCES, type UserPreferences } from '../domain/user-preferences';
import type { WorkItemKind } from '../domain/work-item';
import type { Clock } from '../ports/clock';
import type { PreferenceStore } from '../ports/preference-store';

/** "Show this list first" in the tab: changes the first list and keeps every other preference. */
export class SetFirstList {
  constructor(private readonly deps: { readonly preferences: PreferenceStore; readonly clock: Clock }) {}

  async execute(user: UserKey, firstList: WorkItemKind): Promise<UserPreferences> {
    const current = (await this.deps.preferences.get(user)) ?? DEFAULT_PREFERENCES;
    const preferences: UserPreferences = { ...current, firstList };
    await this.deps.preferences.save(user, preferences, this.deps.clock.now());
    return preferences;
  }
}
