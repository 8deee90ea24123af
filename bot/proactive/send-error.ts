import { MAX_RETRY_AFTER_MS, TRANSIENT_SEND_STATUSES } from '../../src/domain/teams-limits';
import type { SendResult } from '../../src/ports/notifier';

/** Errors raised before a connection existed: the request cannot have reached Teams. */
const NEVER_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/;

interface RestErrorLike {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } };
}

/**
 * Classifies what botbuilder threw for one send (a `RestError` from the Bot Connector client:
 * `statusCode`, the error body's `code`, the response's headers) into a `SendResult`.
 */
export function classifySendError(error: unknown, now: Date): SendResult {
  const e = (typeof error === 'object' && error !== null ? error : {}) as RestErrorLike;
  const status = typeof e.statusCode === 'number' ? e.statusCode : null;
  const bodyCode = typeof e.code === 'string' && /^[A-Za-z]{1,60}$/.test(e.code) ? e.code : null;
  if (status === null) {
    const text = `${typeof e.code === 'string' ? e.code : ''} ${typeof e.message === 'string' ? e.message : String(error)}`;
    return NEVER_SENT.test(text) ? { outcome: 'transient', status: null, code: 'teams_unreachable' } : { outcome: 'unknown', code: 'teams_no_answer' };
  }
  const code = `teams_${status}${bodyCode ? `_${bodyCode}` : ''}`;
  if (status === 429) return { outcome: 'throttled', retryAfterMs: retryAfterMs(e.response?.headers?.get?.('retry-after'), now) };
  if (TRANSIENT_SEND_STATUSES.has(status)) return { outcome: 'transient', status, code };
  if (status === 403) return { outcome: 'blocked', code };
  if (status === 404) return { outcome: 'gone', code };
  if (status === 413) return { outcome: 'tooLarge', code };
  return { outcome: 'failed', status, code };
}

/** `Retry-After` in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(MAX_RETRY_AFTER_MS, Math.ceil(Number(value) * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now.getTime()));
}
