/**
 * The rules of activating with the code AFAS e-mails: shared by the bot and the tab.
 * A code may be requested at most once a minute and five times an hour per user, and three wrong
 * codes end the attempt (AFAS publishes no limits; these protect users' mailboxes and AFAS).
 */
export const RESEND_MIN_INTERVAL_MS = 60_000;
export const MAX_CODE_REQUESTS_PER_HOUR = 5;
export const MAX_WRONG_CODES = 3;
const HOUR_MS = 3_600_000;

export interface ActivationAttempt {
  readonly connectionId: string;
  readonly afasUserId: string;
  /** When codes were requested (epoch ms), the last hour's worth. */
  readonly requestedAt: readonly number[];
  /** Wrong codes entered since the last request. */
  readonly wrongCodes: number;
}

/** When the next code may be requested; null = now. */
export function nextRequestAllowedAt(attempt: ActivationAttempt | null, nowMs: number): Date | null {
  if (!attempt) return null;
  const recent = attempt.requestedAt.filter((t) => nowMs - t < HOUR_MS).sort((a, b) => a - b);
  const candidates: number[] = [];
  const last = recent[recent.length - 1];
  if (last !== undefined && nowMs - last < RESEND_MIN_INTERVAL_MS) candidates.push(last + RESEND_MIN_INTERVAL_MS);
  if (recent.length >= MAX_CODE_REQUESTS_PER_HOUR) candidates.push(recent[recent.length - MAX_CODE_REQUESTS_PER_HOUR] + HOUR_MS);
  return candidates.length === 0 ? null : new Date(Math.max(...candidates));
}

export function recordRequest(attempt: ActivationAttempt | null, connectionId: string, afasUserId: string, nowMs: number): ActivationAttempt {
  const kept = (attempt?.requestedAt ?? []).filter((t) => nowMs - t < HOUR_MS);
  return { connectionId, afasUserId, requestedAt: [...kept, nowMs], wrongCodes: 0 };
}

/** The code as typed, without spaces or dashes; null when it cannot be an AFAS code (6 to 10 digits). */
export function normaliseActivationCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '');
  return /^\d{6,10}$/.test(code) ? code : null;
}

/** An AFAS user id: an e-mail address or a user code such as `12345.jdoe` (AFAS allows other forms too). */
export function normaliseAfasUserId(text: string): string | null {
  const value = text.trim();
  if (value.length < 2 || value.length > 254 || /[\s<>"]/.test(value)) return null;
  return value;
}
