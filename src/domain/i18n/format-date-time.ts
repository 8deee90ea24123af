import { AMSTERDAM } from '../amsterdam-time';
import type { Language } from '../user-preferences';
import { LOCALES } from './translate';

/*
 * Users of this product live by Amsterdam's clock whatever their device says, so dates are
 * formatted here (server side, Europe/Amsterdam) rather than left to the client: Adaptive Cards'
 * own {{DATE()}} would use the device's zone and is disabled for AFAS text anyway.
 */
function formatters(locale: string): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; seconds: Intl.DateTimeFormat } {
  return {
    date: new Intl.DateTimeFormat(locale, { timeZone: AMSTERDAM, day: 'numeric', month: 'short', year: 'numeric' }),
    time: new Intl.DateTimeFormat(locale, { timeZone: AMSTERDAM, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    seconds: new Intl.DateTimeFormat(locale, { timeZone: AMSTERDAM, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
  };
}

const FORMATS: Record<Language, ReturnType<typeof formatters>> = { en: formatters(LOCALES.en), nl: formatters(LOCALES.nl) };

/** `1 Jul 2024` / `1 jul 2024`, in Amsterdam. */
export function formatDate(lang: Language, instant: Date): string {
  return FORMATS[lang].date.format(instant);
}

/** `09:30`, 24-hour, in Amsterdam. */
export function formatTime(lang: Language, instant: Date): string {
  return FORMATS[lang].time.format(instant);
}

/** `09:30:15`, 24-hour, in Amsterdam: for "Updated at", so a refresh within the same minute shows. */
export function formatTimeWithSeconds(lang: Language, instant: Date): string {
  return FORMATS[lang].seconds.format(instant);
}

/** `1 Jul 2024 09:30` / `1 jul 2024 09:30`, in Amsterdam. */
export function formatDateTime(lang: Language, instant: Date): string {
  return `${formatDate(lang, instant)} ${formatTime(lang, instant)}`;
}

/**
 * A time later today reads as `09:30`; another day as `2 Jul 2024 09:30` (for "maintenance until",
 * "new code at").
 */
export function formatMoment(lang: Language, instant: Date, now: Date): string {
  return formatDate(lang, instant) === formatDate(lang, now) ? formatTime(lang, instant) : formatDateTime(lang, instant);
}
