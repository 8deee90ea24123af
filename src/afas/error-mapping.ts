import { AfasError, type AfasErrorCode } from '../domain/afas-error';
import { bodyExcerpt, redactKnownSecrets, scrubSecrets } from './body-excerpt';
import { functionalErrorSchema, unavailableSchema } from './wire-schemas';

/** What came back from one attempt, free of any HTTP library's types. */
export type HttpOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfter?: string; readonly body: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly code: string; readonly message: string };

export interface FailureContext {
  /** `connectors/Teams_Tasks`: no query string, no secrets. */
  readonly endpoint: string;
  readonly timeoutMs: number;
  /** Credentials of this call, removed from anything that goes into the error. */
  readonly secrets: readonly string[];
  readonly now: Date;
}

/**
 * Stands in for the HTTP library's error as an error's `cause`: that one carries the request
 * config, headers (Authorization) and body (keys, activation code), so it must never be attached.
 */
export class AfasTransportFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'AfasTransportFailure';
  }
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Seconds from `Retry-After` (seconds or an HTTP date), else from the body's `retry_after`. */
export function parseRetryAfter(header: string | undefined, body: unknown, now: Date): number | undefined {
  const value = header?.trim();
  if (value && /^\d+$/.test(value)) return Number(value);
  if (value) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
  }
  const parsed = unavailableSchema.safeParse(body);
  const fromBody = parsed.success ? Number(parsed.data.retry_after) : Number.NaN;
  return Number.isFinite(fromBody) && fromBody >= 0 ? Math.ceil(fromBody) : undefined;
}

const STATUS_MEANING: Readonly<Record<number, [AfasErrorCode, string]>> = {
  400: ['afas_bad_request', 'the request is missing elements AFAS needs'],
  401: ['afas_unauthorized', 'the token is invalid or revoked, or not allowed on this endpoint; the user must activate again'],
  403: ['afas_forbidden', "the app connector's IP restriction blocks this server; an AFAS admin must allow its address"],
  404: ['afas_not_found', 'the URL or connector does not exist (or the query string was too long)'],
  413: ['afas_payload_too_large', 'the request body is too large'],
};

function functionalError(status: number, body: string, ctx: FailureContext): AfasError {
  const parsed = functionalErrorSchema.safeParse(parseJson(body));
  const externalMessage = parsed.success && parsed.data.externalMessage ? redactKnownSecrets(parsed.data.externalMessage, ctx.secrets) : undefined;
  const profitLogReference = parsed.success ? parsed.data.profitLogReference : undefined;
  const what = externalMessage ?? 'a functional error without explanation';
  const reference = profitLogReference ? ` (profitLogReference ${profitLogReference})` : '';
  return new AfasError('afas_functional_error', `AFAS answered ${status} for ${ctx.endpoint}: ${what}${reference}`, {
    status,
    endpoint: ctx.endpoint,
    externalMessage,
    profitLogReference,
    excerpt: externalMessage ? undefined : bodyExcerpt(body, ctx.secrets) || undefined,
  });
}

function unavailable(status: number, outcome: { retryAfter?: string; body: string }, ctx: FailureContext): AfasError {
  const retryAfterSeconds = parseRetryAfter(outcome.retryAfter, parseJson(outcome.body), ctx.now);
  const when = retryAfterSeconds === undefined ? 'try again later' : `retry after ${retryAfterSeconds} seconds`;
  return new AfasError('afas_unavailable', `AFAS answered ${status} for ${ctx.endpoint}: Profit is unavailable (maintenance or overload); ${when}`, {
    status,
    endpoint: ctx.endpoint,
    retryAfterSeconds,
  });
}

function forStatus(outcome: Extract<HttpOutcome, { kind: 'response' }>, ctx: FailureContext): AfasError {
  const { status } = outcome;
  const known = STATUS_MEANING[status];
  if (known) return new AfasError(known[0], `AFAS answered ${status} for ${ctx.endpoint}: ${known[1]}`, { status, endpoint: ctx.endpoint });
  // 429 and gateway errors are as passing as maintenance: same code, same waiting.
  if (status === 429 || status === 502 || status === 503 || status === 504) return unavailable(status, outcome, ctx);
  if (status >= 500) return functionalError(status, outcome.body, ctx);
  if (status >= 400) {
    return new AfasError('afas_bad_request', `AFAS answered ${status} for ${ctx.endpoint}: the request was refused`, { status, endpoint: ctx.endpoint });
  }
  // Redirects are not followed: one would carry the Authorization header to another address.
  return new AfasError('afas_bad_response', `AFAS answered ${status} for ${ctx.endpoint}, which this product does not expect; check the base URL`, {
    status,
    endpoint: ctx.endpoint,
    excerpt: bodyExcerpt(outcome.body, ctx.secrets) || undefined,
  });
}

/** The `AfasError` for an attempt that did not succeed (any outcome but a 2xx). */
export function errorForOutcome(outcome: HttpOutcome, ctx: FailureContext): AfasError {
  switch (outcome.kind) {
    case 'timeout':
      return new AfasError('afas_timeout', `AFAS did not answer ${ctx.endpoint} within ${ctx.timeoutMs} ms`, { endpoint: ctx.endpoint });
    case 'network': {
      const cause = new AfasTransportFailure(outcome.code, scrubSecrets(outcome.message, ctx.secrets));
      return new AfasError('afas_network', `Could not reach AFAS for ${ctx.endpoint} (${outcome.code})`, { endpoint: ctx.endpoint }, cause);
    }
    case 'response':
      return forStatus(outcome, ctx);
  }
}

/** A 2xx whose body is not what the endpoint promises. */
export function badResponse(endpoint: string, problem: string, body: string, secrets: readonly string[], status?: number): AfasError {
  const looksHtml = /^\s*</.test(body) && !/^\s*<token>/i.test(body);
  const what = looksHtml ? 'an HTML page instead of JSON (a proxy, login or maintenance page?)' : problem;
  return new AfasError('afas_bad_response', `AFAS answered ${endpoint} with ${what}`, {
    status,
    endpoint,
    excerpt: bodyExcerpt(body, secrets) || undefined,
  });
}
