import type { UserKey } from '../domain/user-key';
import type { UserPreferences } from '../domain/user-preferences';

export interface PreferenceStore {
  /** The stored preferences, or null when the user never changed any (callers apply defaults). */
  get(user: UserKey): Promise<UserPreferences | null>;
  save(user: UserKey, preferences: UserPreferences, at: Date): Promise<void>;
}
