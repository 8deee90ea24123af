/**
 * Turning what an admin types (`O12345AA`, `12345`, or a URL) into AFAS Profit's REST base URL and
 * InSite URL. Pure: used by config parsing, the admin screen and the CLI alike.
 */
import { translate } from './i18n/translate';

export type AfasEnvironmentType = 'production' | 'test' | 'acceptance';

const HOST_PART: Record<AfasEnvironmentType, string> = {
  production: 'rest',
  test: 'resttest',
  acceptance: 'restaccept',
};
const LETTER_TYPE: Record<string, AfasEnvironmentType> = { O: 'production', T: 'test', A: 'acceptance' };

const ENVIRONMENT_NAME = /^([OTA])(\d{5})([A-Z]{2})$/i;
const PARTICIPANT = /^\d{5}$/;

export interface ResolvedEnvironment {
  readonly baseUrl: string;
  /** Participant number, when the environment names one (not for arbitrary URLs). */
  readonly participant: string | null;
  readonly type: AfasEnvironmentType | null;
}

/** Why an environment cannot be used: `code` names it for the admin screen, the message is English. */
export class AfasEnvironmentError extends Error {
  constructor(readonly code: 'notValidUrl' | 'notHttps' | 'hasCredentials' | 'hasQuery' | 'participantOutOfRange' | 'notEnvironment') {
    super(translate('en', `adminProblem.${code}`));
    this.name = 'AfasEnvironmentError';
  }
}

function participantInRange(nr: string): boolean {
  const n = Number(nr);
  return n >= 10000 && n <= 99999;
}

/** True for hosts that never leave this machine, where plain `http://` is acceptable. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Validates a full base URL: https (http only on loopback), no credentials, query or fragment. */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AfasEnvironmentError('notValidUrl');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new AfasEnvironmentError('notHttps');
  }
  if (url.username || url.password) throw new AfasEnvironmentError('hasCredentials');
  if (url.search || url.hash) throw new AfasEnvironmentError('hasQuery');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Resolves an environment name (`O12345AA`, `T12345AA`, `A12345AA`), a bare participant number
 * (production unless `type` says otherwise) or a full URL to a REST base URL.
 */
export function resolveAfasEnvironment(input: string, type?: AfasEnvironmentType): ResolvedEnvironment {
  const text = input.trim();
  const named = ENVIRONMENT_NAME.exec(text);
  if (named) {
    const nr = named[2];
    if (!participantInRange(nr)) throw new AfasEnvironmentError('participantOutOfRange');
    const envType = LETTER_TYPE[named[1].toUpperCase()];
    return { baseUrl: `https://${nr}.${HOST_PART[envType]}.afas.online/ProfitRestServices`, participant: nr, type: envType };
  }
  if (PARTICIPANT.test(text)) {
    if (!participantInRange(text)) throw new AfasEnvironmentError('participantOutOfRange');
    const envType = type ?? 'production';
    return { baseUrl: `https://${text}.${HOST_PART[envType]}.afas.online/ProfitRestServices`, participant: text, type: envType };
  }
  if (/^https?:\/\//i.test(text)) {
    const baseUrl = normaliseBaseUrl(text);
    const nr = /^https:\/\/(\d{5})\.(rest|resttest|restaccept)\.afas\.online\//i.exec(baseUrl + '/');
    const envType = nr ? (Object.entries(HOST_PART).find(([, part]) => part === nr[2].toLowerCase())?.[0] as AfasEnvironmentType) : null;
    return { baseUrl, participant: nr ? nr[1] : null, type: envType };
  }
  throw new AfasEnvironmentError('notEnvironment');
}

const AFAS_REST_HOST = /^\d{5}\.(rest|resttest|restaccept)\.afas\.online$/;

/**
 * True for the REST base URL of an AFAS Online environment, exactly as built from an environment
 * name: `https://{nr}.rest|resttest|restaccept.afas.online/ProfitRestServices`, default port.
 */
export function isAfasOnlineBaseUrl(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.port === '' && !url.username && !url.password && AFAS_REST_HOST.test(url.hostname) && /^\/profitrestservices\/?$/i.test(url.pathname) && !url.search && !url.hash;
}

/** InSite (the portal users click into) for a participant: `https://{nr}.afasinsite.nl`. */
export function insiteUrlFor(participant: string): string {
  return `https://${participant}.afasinsite.nl`;
}
