import { inQuietHours, isTimeOfDay, quietHoursEndAt } from '../domain/notification-schedule';
import type { UserPreferences } from '../domain/user-preferences';

/** Until when pushes wait for the user's quiet hours to end; null when they may go now. */
export function heldUntil(preferences: UserPreferences, now: Date): Date | null {
  const quiet = preferences.quietHours;
  // Validated on save; a malformed window must not stop notifications altogether.
  if (!quiet || !isTimeOfDay(quiet.start) || !isTimeOfDay(quiet.end)) return null;
  return inQuietHours(now, quiet) ? quietHoursEndAt(now, quiet) : null;
}
