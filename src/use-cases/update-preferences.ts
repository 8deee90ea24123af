import { isTimeOfDay } from '../domain/notification-schedule';
import type { UserKey } from '../domain/user-key';
import { DEFAULT_PREFERENCES, type Language, type QuietHours, type UserPreferences } from '../domain/user-preferences';
import type { Clock } from '../ports/clock';
import type { PreferenceStore } from '../ports/preference-store';

/** What the user asked for, times as they entered them. */
export interface PreferenceChanges {
  readonly signalNotifications: boolean;
  readonly taskNotifications: boolean;
  readonly digest: boolean;
  /** `HH:mm`; empty keeps the current time when the digest is off. */
  readonly digestTime: string;
  /** `HH:mm`, or both empty for no quiet hours. */
  readonly quietStart: string;
  readonly quietEnd: string;
  /** null = follow the Teams locale. */
  readonly language: Language | null;
}

/** Why changes were refused; `value` is what the user entered, to show back to them. */
export type PreferenceProblem =
  | { readonly code: 'digest_time_invalid'; readonly value: string }
  | { readonly code: 'digest_time_missing' }
  | { readonly code: 'quiet_time_invalid'; readonly value: string }
  | { readonly code: 'quiet_hours_incomplete' }
  | { readonly code: 'quiet_hours_same' };

export type UpdatePreferencesResult =
  | { readonly ok: true; readonly preferences: UserPreferences }
  | { readonly ok: false; readonly problems: readonly PreferenceProblem[] };

export interface UpdatePreferencesDeps {
  readonly preferences: PreferenceStore;
  readonly clock: Clock;
}

/**
 * "Save" on the settings card: checks the changes against the schedule rules and stores them,
 * all or nothing. Preferences the card does not show (the first list) are kept.
 */
export class UpdatePreferences {
  constructor(private readonly deps: UpdatePreferencesDeps) {}

  async execute(user: UserKey, changes: PreferenceChanges): Promise<UpdatePreferencesResult> {
    const current = (await this.deps.preferences.get(user)) ?? DEFAULT_PREFERENCES;
    const problems: PreferenceProblem[] = [];
    const digestTime = checkDigestTime(changes, current.digestTime, problems);
    const quietHours = checkQuietHours(changes.quietStart, changes.quietEnd, problems);
    if (problems.length > 0) return { ok: false, problems };
    const preferences: UserPreferences = {
      ...current,
      signalNotifications: changes.signalNotifications,
      taskNotifications: changes.taskNotifications,
      digest: changes.digest,
      digestTime,
      quietHours,
      language: changes.language,
    };
    await this.deps.preferences.save(user, preferences, this.deps.clock.now());
    return { ok: true, preferences };
  }
}

function checkDigestTime(changes: PreferenceChanges, currentTime: string, problems: PreferenceProblem[]): string {
  if (changes.digestTime === '') {
    if (changes.digest) problems.push({ code: 'digest_time_missing' });
    return currentTime;
  }
  if (!isTimeOfDay(changes.digestTime)) problems.push({ code: 'digest_time_invalid', value: changes.digestTime });
  return changes.digestTime;
}

function checkQuietHours(start: string, end: string, problems: PreferenceProblem[]): QuietHours | null {
  const invalid = [start, end].filter((time) => time !== '' && !isTimeOfDay(time));
  for (const value of invalid) problems.push({ code: 'quiet_time_invalid', value });
  if (invalid.length > 0) return null;
  if (start === '' && end === '') return null;
  if (start === '' || end === '') {
    problems.push({ code: 'quiet_hours_incomplete' });
    return null;
  }
  // The schedule reads equal times as "no quiet hours"; a user who picked them meant something else.
  if (start === end) problems.push({ code: 'quiet_hours_same' });
  return { start, end };
}
