import { resolveLanguage } from '../domain/i18n/translate';
import { isTimeOfDay, nextDigestAt } from '../domain/notification-schedule';
import { DEFAULT_PREFERENCES, type Language, type UserPreferences } from '../domain/user-preferences';
import type { UserKey } from '../domain/user-key';
import type { ConversationStore, StoredConversation } from '../ports/conversation-store';
import type { PreferenceStore } from '../ports/preference-store';

/** A digest missed by at most this long (the service was down at digest time) still goes out. */
export const DIGEST_CATCH_UP_MS = 2 * 3_600_000;

export interface NotificationContext {
  readonly conversation: StoredConversation | null;
  readonly preferences: UserPreferences;
  readonly lang: Language;
}

/** What every proactive message needs to know about its user: where to, in which language, which preferences. */
export async function loadNotificationContext(conversations: ConversationStore, preferences: PreferenceStore, user: UserKey): Promise<NotificationContext> {
  const [conversation, stored] = await Promise.all([conversations.get(user), preferences.get(user)]);
  const prefs = stored ?? DEFAULT_PREFERENCES;
  const locale = conversation?.reference.locale;
  return { conversation, preferences: prefs, lang: resolveLanguage(prefs.language, typeof locale === 'string' ? locale : null) };
}

export interface DigestTiming {
  /** The next digest strictly after now; null when the user has none. */
  readonly next: Date | null;
  /** A digest instant of the last two hours, after the activation (to catch up after downtime); the ledger stops repeats. */
  readonly catchUp: Date | null;
}

export const NO_DIGEST: DigestTiming = { next: null, catchUp: null };

export function digestTiming(preferences: UserPreferences, now: Date, activatedAt?: Date): DigestTiming {
  if (!preferences.digest) return NO_DIGEST;
  // Stored preferences are validated on save; a malformed time still must not stop the user's polls.
  const time = isTimeOfDay(preferences.digestTime) ? preferences.digestTime : DEFAULT_PREFERENCES.digestTime;
  const recent = nextDigestAt(new Date(now.getTime() - DIGEST_CATCH_UP_MS), time);
  const missed = recent.getTime() <= now.getTime() && (activatedAt === undefined || activatedAt.getTime() < recent.getTime());
  return { next: nextDigestAt(now, time), catchUp: missed ? recent : null };
}
