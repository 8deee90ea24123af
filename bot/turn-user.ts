import type { Activity } from 'botbuilder';
import { resolveLanguage } from '../src/domain/i18n/translate';
import type { UserKey } from '../src/domain/user-key';
import type { Language, UserPreferences } from '../src/domain/user-preferences';

/**
 * The Teams user behind an activity: tenant + Entra object id, as authenticated by the Bot
 * Connector. Outside Teams (local clients without AAD ids) the channel and user id stand in.
 */
export function userKeyFromActivity(activity: Partial<Activity>): UserKey {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: unknown } };
  const tenantFromChannel = typeof channelData.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  const tenantId = activity.conversation?.tenantId ?? tenantFromChannel ?? `${activity.channelId ?? 'unknown'}-tenant`;
  const aadObjectId = activity.from?.aadObjectId ?? `${activity.channelId ?? 'unknown'}:${activity.from?.id ?? 'anonymous'}`;
  return { tenantId, aadObjectId };
}

/** The user's chosen language, else the Teams client's locale (`nl-*` → Dutch). */
export function languageFor(activity: Partial<Activity>, preferences: UserPreferences | null): Language {
  return resolveLanguage(preferences?.language, activity.locale);
}
