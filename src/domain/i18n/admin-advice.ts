import type { Language } from '../user-preferences';
import { CATALOGUES, interpolate, type MessageKey } from './translate';

/** A parameter of an advice: a word, a number, or a list (joined by the text). */
export type AdviceValue = string | number | readonly string[];
export type AdviceParams = Readonly<Record<string, AdviceValue>>;

/** What is wrong with one input field: `adminProblem.<code>` in the catalogues. */
export type InputProblemCode = { [K in MessageKey]: K extends `adminProblem.${infer C}` ? C : never }[MessageKey];

/** What a connection check found: `adminCheck.<code>` (plural ones `.one`/`.other`) in the catalogues. */
export type CheckAdviceCode =
  | 'secretsNotSet' | 'notConfirmable' | 'notConfirmableAs' | 'keysWork'
  | 'afasUnauthorized' | 'afasForbidden' | 'afasNotFound' | 'afasUnavailable' | 'afasUnreachable' | 'afasFunctionalError' | 'afasUnexpected'
  | 'notInAppConnector' | 'fieldsOk' | 'requiredFieldsMissing' | 'optionalFieldsMissing' | 'linkTemplateUnknown'
  | 'taskActionsOk' | 'taskActionsMissing';

const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(CATALOGUES.en, key);
const text = (lang: Language, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string => interpolate(lang, CATALOGUES[lang][key], params);
const list = (value: AdviceValue | undefined): readonly string[] => (Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : []);

/** The problem in `lang` ("mag niet leeg zijn"), or null for a code this version does not know. */
export function inputProblemText(lang: Language, code: string, params: AdviceParams = {}): string | null {
  const key = `adminProblem.${code}`;
  return has(key) ? text(lang, key, flat(params)) : null;
}

/**
 * A connection check's finding in `lang`, or null for a code this version does not know. Kinds,
 * subjects of a failed AFAS call, effects of missing fields and the AFAS reference are words of
 * the catalogue too, so the whole sentence is in one language.
 */
export function checkAdviceText(lang: Language, code: string, params: AdviceParams = {}): string | null {
  const count = list(params.fields).length;
  const key = code === 'requiredFieldsMissing' || code === 'optionalFieldsMissing' ? `adminCheck.${code}.${count === 1 ? 'one' : 'other'}` : `adminCheck.${code}`;
  if (!has(key)) return null;
  const words: Record<string, string | number> = { ...flat(params) };
  const kind = params.kind === 'task' || params.kind === 'signal' ? params.kind : null;
  if (kind) {
    words.kind = text(lang, `adminCheck.kind.${kind}`);
    words.kinds = text(lang, `adminCheck.kinds.${kind}`);
  }
  const subject = `adminCheck.subject.${String(params.subject)}`;
  if (has(subject)) words.what = text(lang, subject, { connector: String(params.connector ?? '') });
  words.reference = typeof params.reference === 'string' && params.reference !== '' ? ` (${text(lang, 'adminCheck.reference', { reference: params.reference })})` : '';
  words.app = typeof params.app === 'string' && params.app !== '' ? ` "${params.app}"` : '';
  if ('available' in params) words.available = list(params.available).join(', ') || text(lang, 'adminCheck.none');
  if ('properties' in params) words.effects = [...new Set(list(params.properties).map((p) => (has(`adminCheck.effect.${p}`) ? text(lang, `adminCheck.effect.${p}` as MessageKey) : p)))].join('; ');
  return text(lang, key as MessageKey, words);
}

function flat(params: AdviceParams): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' || typeof value === 'number' ? value : value.join(', ')]));
}
