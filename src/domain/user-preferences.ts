import type { WorkItemKind } from './work-item';

export type Language = 'en' | 'nl';

export interface QuietHours {
  /** `HH:mm`, Europe/Amsterdam. */
  readonly start: string;
  readonly end: string;
}

export interface UserPreferences {
  readonly signalNotifications: boolean;
  readonly taskNotifications: boolean;
  readonly digest: boolean;
  /** `HH:mm`, Europe/Amsterdam, working days only. */
  readonly digestTime: string;
  readonly quietHours: QuietHours | null;
  /** null = follow the Teams locale. */
  readonly language: Language | null;
  readonly firstList: WorkItemKind;
}

export const DEFAULT_PREFERENCES: UserPreferences = Object.freeze({
  signalNotifications: true,
  taskNotifications: false,
  digest: true,
  digestTime: '08:30',
  quietHours: null,
  language: null,
  firstList: 'task',
});
