import { formatDate, formatTime, formatTimeWithSeconds } from '../src/domain/i18n/format-date-time';
import type { Language } from '../src/domain/user-preferences';

export { languageFromLocale, resolveLanguage, translate, translatePlural } from '../src/domain/i18n/translate';
export type { Language } from '../src/domain/user-preferences';

/** An item's date in a list: the time when it is today (Amsterdam), else the date. */
export function itemDate(lang: Language, date: Date, now: Date): string {
  return formatDate(lang, date) === formatDate(lang, now) ? formatTime(lang, date) : formatDate(lang, date);
}

export { formatTime, formatTimeWithSeconds };
