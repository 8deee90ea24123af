import type { Language } from '../user-preferences';
import { en, type MessageKey } from './en';
import { nl } from './nl';

export type { MessageKey } from './en';

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = Object.freeze({ en, nl });

/** The `{name}` placeholders of a catalogue string, as a union of names (read from the English source). */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

export type ParamValue = string | number;
export type MessageParams<K extends MessageKey> = Readonly<Record<Placeholders<(typeof en)[K]>, ParamValue>>;

/** Keys whose string has no placeholders. */
export type PlainMessageKey = { [K in MessageKey]: [Placeholders<(typeof en)[K]>] extends [never] ? K : never }[MessageKey];

/** Rest arguments: no params for strings without placeholders, all of them for the others. */
type ParamsArg<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [params: MessageParams<K>];

/** Keys `X` for which the catalogue has both `X.one` and `X.other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

type PluralParamsArg<B extends PluralKey> = [Exclude<Placeholders<(typeof en)[`${B}.other`]>, 'count'>] extends [never]
  ? []
  : [params: Readonly<Record<Exclude<Placeholders<(typeof en)[`${B}.other`]>, 'count'>, ParamValue>>];

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The BCP 47 locale used for numbers and dates in each language. */
export const LOCALES: Readonly<Record<Language, string>> = Object.freeze({ en: 'en-GB', nl: 'nl-NL' });

const numberFormats: Record<Language, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(LOCALES.en),
  nl: new Intl.NumberFormat(LOCALES.nl),
};

/**
 * Fills placeholders. A parameter the caller did not pass stays visible as `{name}`: a sentence
 * with a visible gap is easier to spot (and to test for) than one that silently says "undefined".
 * Numbers are formatted for the language (`1,234` / `1.234`). Values are inserted as given: the
 * card builders decide how text is rendered safely.
 */
export function interpolate(lang: Language, template: string, params: Readonly<Record<string, ParamValue>> = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? numberFormats[lang].format(value) : value;
  });
}

/** One catalogue string in a language, with its parameters filled in. */
export function translate<K extends MessageKey>(lang: Language, key: K, ...args: ParamsArg<K>): string {
  const params = args[0] as Readonly<Record<string, ParamValue>> | undefined;
  return interpolate(lang, CATALOGUES[lang][key], params);
}

const pluralRules: Record<Language, Intl.PluralRules> = {
  en: new Intl.PluralRules(LOCALES.en),
  nl: new Intl.PluralRules(LOCALES.nl),
};

/**
 * The plural form for a count: `translatePlural('nl', 'count.openTasks', 7)` is "7 openstaande taken".
 * English and Dutch both distinguish only "one" and "other".
 */
export function translatePlural<B extends PluralKey>(lang: Language, base: B, count: number, ...args: PluralParamsArg<B>): string {
  const form = pluralRules[lang].select(count) === 'one' ? 'one' : 'other';
  const key = `${base}.${form}` as MessageKey;
  const params = (args[0] ?? {}) as Readonly<Record<string, ParamValue>>;
  return interpolate(lang, CATALOGUES[lang][key], { ...params, count });
}

/** Teams locales such as `nl-NL`, `nl-BE` or `nl` read Dutch; every other locale (or none) reads English. */
export function languageFromLocale(locale?: string | null): Language {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'nl' ? 'nl' : 'en';
}

/** The one rule for a user's language: their chosen language, else the Teams client's locale (`nl-*` → Dutch), else English. */
export function resolveLanguage(preferred: Language | null | undefined, locale: string | null | undefined): Language {
  return preferred ?? languageFromLocale(locale);
}
