import type { Activity, Request, Response, TurnContext } from 'botbuilder';
import type { BotAdapter } from './bot-adapter';
import { z } from 'zod';
import type { BotTokenVerifier } from '../src/ports/bot-token-verifier';
import type { Clock } from '../src/ports/clock';
import type { Logger } from '../src/ports/logger';
import { LogThrottle } from '../src/logging/log-throttle';

/** What the caller of /api/messages is told when its request is not run: a code and a short sentence. */
export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** For the log only: never sent to the caller. */
  readonly detail?: string;
}

export interface BotEndpointOptions {
  readonly adapter: BotAdapter;
  /** Checks each request's token first; null when MicrosoftAppId is empty (local development: no token). */
  readonly verifier: BotTokenVerifier | null;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Seconds a caller is asked to wait when the Bot Framework's signing keys cannot be fetched. */
export const AUTH_RETRY_AFTER_SECONDS = 30;

const ACTIVITY = z.object({
  type: z.string({ error: 'type is missing' }).min(1, 'type is empty'),
  serviceUrl: z.url({ protocol: /^https?$/, error: 'serviceUrl must be an http(s) URL' }),
  channelId: z.string({ error: 'channelId is missing' }).min(1, 'channelId is empty'),
  conversation: z.object({ id: z.string({ error: 'conversation.id is missing' }).min(1, 'conversation.id is empty') }, { error: 'conversation is missing' }),
});

const AUTH_FAILURES: ReadonlySet<string> = new Set(['AuthenticationError', 'JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);
const NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * POST /api/messages in front of botbuilder: the request is checked (content type, activity shape,
 * the channel's token) before the adapter sees it (which checks the token again); whatever is
 * refused gets a short JSON answer and one rate-limited warn line. botbuilder's own `process` would answer a form body
 * with a 500, print each failed authentication's stack on stderr and hand the caller its internal
 * error text (host names, DNS errors).
 */
export class BotEndpoint {
  private readonly throttle: LogThrottle;

  constructor(private readonly options: BotEndpointOptions) {
    this.throttle = new LogThrottle(options.clock);
  }

  async process(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const checked = await this.check(req);
    if ('status' in checked) return this.refuse(res, checked);
    try {
      const answer = await this.options.adapter.runActivity(checked.authHeader, checked.activity, logic);
      send(res, answer?.status ?? 200, answer?.body);
    } catch (error) {
      const refusal = authRefusal(error);
      if (refusal) return this.refuse(res, refusal);
      this.options.logger.error({ code: 'bot_request_failed', err: error instanceof Error ? error.message : String(error) }, 'the bot could not process a request');
      send(res, 500, { code: 'internal_error', message: 'Something went wrong on our side.' });
    }
  }

  private async check(req: Request): Promise<Refusal | { activity: Activity; authHeader: string }> {
    const contentType = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return { status: 415, code: 'unsupported_media_type', message: 'Send the activity as application/json.', detail: contentType || '(none)' };
    }
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, code: 'bad_activity', message: 'The body is not a Bot Framework activity.' };
    const parsed = ACTIVITY.safeParse(body);
    if (!parsed.success) return { status: 400, code: 'bad_activity', message: `The body is not a Bot Framework activity: ${parsed.error.issues[0]?.message ?? 'invalid'}.` };
    const authHeader = String(req.headers.authorization ?? '');
    const verdict = this.options.verifier ? await this.options.verifier.verify(authHeader) : { ok: true as const };
    if (!verdict.ok) return verdict.reason === 'invalid' ? unauthorized(verdict.detail) : unavailable(verdict.detail);
    return { activity: withDates(body as Record<string, unknown>), authHeader };
  }

  private refuse(res: Response, refusal: Refusal): void {
    this.throttle.run(refusal.code, (suppressed) => {
      this.options.logger.warn({ code: refusal.code, status: refusal.status, ...(refusal.detail ? { detail: refusal.detail } : {}), ...(suppressed > 0 ? { suppressed } : {}) }, 'refused a request to /api/messages');
    });
    if (refusal.status === 503) res.header('Retry-After', String(AUTH_RETRY_AFTER_SECONDS));
    send(res, refusal.status, { code: refusal.code, message: refusal.message });
  }
}

const unauthorized = (detail?: string): Refusal => ({ status: 401, code: 'unauthorized', message: 'A valid Bot Framework token is required.', detail });
const unavailable = (detail?: string): Refusal => ({ status: 503, code: 'auth_unavailable', message: 'Requests cannot be verified right now; try again shortly.', detail });

/** A failed authentication is the caller's (401); keys that could not be fetched are ours, for now (503). */
function authRefusal(error: unknown): Refusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, statusCode, code, message } = error as { name?: unknown; statusCode?: unknown; code?: unknown; message?: unknown };
  const detail = typeof message === 'string' ? message : undefined;
  if (name === 'FetchError' || (typeof code === 'string' && NETWORK_CODES.has(code))) return unavailable(detail);
  if (typeof name !== 'string' || !AUTH_FAILURES.has(name)) return null;
  if (typeof statusCode === 'number' && statusCode >= 500) return unavailable(detail);
  return unauthorized(detail);
}

/** As botbuilder's own `process` does: the times become Dates, their text is kept as `raw…`. */
function withDates(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

function send(res: Response, status: number, body: unknown): void {
  res.status(status);
  if (body !== undefined) res.send(body);
  res.end();
}
