/** `NL` or `EN`: the language of a user's signals (AFAS Pocket filters signals on it). */
export type SignalLanguage = 'NL' | 'EN';

/** A named demo user. Row counts are fixed so tests and demos can rely on them. */
export interface DemoUserProfile {
  /** The part of the user code after the participant number: `jdevries` in `12345.jdevries`. */
  readonly login: string;
  readonly email: string;
  readonly name: string;
  readonly language: SignalLanguage;
  readonly taskCount: number;
  readonly signalCount: number;
}

export const DEMO_MAIL_DOMAIN = 'horizon-groep.example';

/** Rows a user created by auto-provisioning starts with. */
export const PROVISIONED_TASK_COUNT = 6;
export const PROVISIONED_SIGNAL_COUNT = 4;

const at = (local: string): string => `${local}@${DEMO_MAIL_DOMAIN}`;

/**
 * The demo company's people. Pieter Visser has more tasks than one page holds (paging, "75+");
 * Lotte Smit has none (empty states); Emma Williams gets her signals in English.
 */
export const DEMO_USERS: readonly DemoUserProfile[] = Object.freeze([
  { login: 'jdevries', email: at('jan.devries'), name: 'Jan de Vries', language: 'NL', taskCount: 9, signalCount: 6 },
  { login: 'fbakker', email: at('fleur.bakker'), name: 'Fleur Bakker', language: 'NL', taskCount: 7, signalCount: 5 },
  { login: 'sjansen', email: at('sanne.jansen'), name: 'Sanne Jansen', language: 'NL', taskCount: 8, signalCount: 6 },
  { login: 'melamrani', email: at('mohamed.elamrani'), name: 'Mohamed el Amrani', language: 'NL', taskCount: 6, signalCount: 4 },
  { login: 'ewilliams', email: at('emma.williams'), name: 'Emma Williams', language: 'EN', taskCount: 5, signalCount: 4 },
  { login: 'pvisser', email: at('pieter.visser'), name: 'Pieter Visser', language: 'NL', taskCount: 130, signalCount: 8 },
  { login: 'lsmit', email: at('lotte.smit'), name: 'Lotte Smit', language: 'NL', taskCount: 0, signalCount: 0 },
]);

const EMAIL = /^[^\s@<>"',;]{1,64}@[^\s@<>"',;]+\.[^\s@<>"',;]{2,}$/;
const USER_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/;
const PARTICLES = new Set(['de', 'van', 'der', 'den', 'het', 'ter', 'ten', 'te', 'el', 'op', 'in', "'t"]);

export function isWellFormedEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

export function isWellFormedUserCode(text: string): boolean {
  return USER_CODE.test(text);
}

/** `jan.van.der.berg` -> `Jan van der Berg`: a readable name for a provisioned user. */
export function nameFromLogin(login: string): string {
  const words = login.split(/[._-]+/).filter((w) => w !== '' && !/^\d+$/.test(w));
  if (words.length === 0) return 'Demo Gebruiker';
  return words
    .map((w, i) => (i > 0 && PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join(' ');
}

/**
 * A profile for someone the sandbox has never heard of, from what they typed: an e-mail address
 * keeps its address, a user code gets an address in the demo domain.
 */
export function provisionedProfile(typed: string, participant: string): DemoUserProfile {
  const text = typed.trim();
  const isEmail = text.includes('@');
  const local = isEmail ? text.slice(0, text.indexOf('@')) : text.replace(new RegExp(`^${participant}\\.`), '');
  const login = local.toLowerCase().replace(/[^a-z0-9._-]/g, '').slice(0, 40) || 'gebruiker';
  return {
    login,
    email: isEmail ? text.toLowerCase() : at(login),
    name: nameFromLogin(local),
    language: 'NL',
    taskCount: PROVISIONED_TASK_COUNT,
    signalCount: PROVISIONED_SIGNAL_COUNT,
  };
}
