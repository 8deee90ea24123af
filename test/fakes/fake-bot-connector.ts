import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  readonly method: string;
  readonly conversationId: string;
  readonly replyToId: string | null;
  readonly activity: Record<string, unknown>;
  readonly at: number;
}

/** What the connector answers next: a status, optional Retry-After and an error code body. */
export interface ConnectorAnswer {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  readonly code?: string;
}

/** Every request to the activities routes, accepted or refused, in arrival order. */
export interface ConnectorRequest {
  readonly conversationId: string;
  /** `conversation.tenantId` of the posted activity, when it has one. */
  readonly tenantId: string | null;
  readonly status: number;
  readonly at: number;
  /** Size of the request body. */
  readonly bytes: number;
}

export interface FakeBotConnectorOptions {
  /** The time stamped on what arrives (default `Date.now`): tests with a fake clock pass theirs. */
  readonly now?: () => number;
  /** Answers 429 (Retry-After 1) to a tenant's request when it has sent this many in the last second. */
  readonly tenantRequestsPerSecond?: number;
}

/**
 * The far side of the Bot Framework: a hand-written Bot Connector on a real socket that records
 * `POST /v3/conversations/{id}/activities[/{replyToId}]` (and PUT updates) and can be told to fail.
 */
export class FakeBotConnector {
  readonly received: ReceivedActivity[] = [];
  readonly requests: ConnectorRequest[] = [];
  private readonly recentByTenant = new Map<string, number[]>();
  private queue: ConnectorAnswer[] = [];
  private waiters: (() => void)[] = [];
  private readonly replyWaiters = new Map<string, (activity: ReceivedActivity) => void>();
  private server: Server | null = null;
  private counter = 0;

  constructor(private readonly options: FakeBotConnectorOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** The next answers, in order; afterwards everything is accepted with 201. */
  answerNext(...answers: ConnectorAnswer[]): void {
    this.queue.push(...answers);
  }

  /** Resolves with the first activity that answers `replyToId`; an activity handed to a waiter is not kept in `received`. */
  waitForReplyTo(replyToId: string, timeoutMs = 10_000): Promise<ReceivedActivity> {
    const found = this.received.find((r) => r.replyToId === replyToId);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replyWaiters.delete(replyToId);
        reject(new Error(`no reply to ${replyToId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.replyWaiters.set(replyToId, (activity) => {
        clearTimeout(timer);
        resolve(activity);
      });
    });
  }

  /** Forgets what was received (long benchmark runs). */
  clear(): void {
    this.received.splice(0);
  }

  /** Resolves once at least `count` activities have arrived. */
  async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedActivity[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} activities at the connector, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://connector');
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if (req.method === 'GET' && /\/members\//.test(url.pathname)) return this.json(res, 404, { error: { code: 'MemberNotFoundInConversation' } });
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) return this.json(res, 404, { error: { code: 'NotFound' } });
    const body = Buffer.concat(chunks);
    const activity = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    const at = this.options.now ? this.options.now() : Date.now();
    const tenantId = tenantOf(activity);
    const answer = this.overTenantRate(tenantId, at) ? { status: 429, retryAfterSeconds: 1, code: 'Throttled' } : (this.queue.shift() ?? { status: 201 });
    this.requests.push({ conversationId: decodeURIComponent(match[1]), tenantId, status: answer.status, at, bytes: body.length });
    if (answer.status >= 300) {
      if (answer.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(answer.retryAfterSeconds));
      return this.json(res, answer.status, { error: { code: answer.code ?? 'Error', message: 'fake connector refused' } });
    }
    const received: ReceivedActivity = {
      method: req.method,
      conversationId: decodeURIComponent(match[1]),
      replyToId: match[2] ? decodeURIComponent(match[2]) : null,
      activity,
      at,
    };
    const waiter = received.replyToId === null ? undefined : this.replyWaiters.get(received.replyToId);
    if (waiter) {
      this.replyWaiters.delete(received.replyToId!);
      waiter(received);
    } else {
      this.received.push(received);
    }
    this.waiters.splice(0).forEach((wake) => wake());
    this.json(res, answer.status, { id: `sent-${++this.counter}` });
  }

  /** Counts every request of the tenant (refused ones too, as a real throttle would). */
  private overTenantRate(tenantId: string | null, at: number): boolean {
    const limit = this.options.tenantRequestsPerSecond;
    if (limit === undefined || tenantId === null) return false;
    const recent = (this.recentByTenant.get(tenantId) ?? []).filter((t) => t > at - 1000);
    recent.push(at);
    this.recentByTenant.set(tenantId, recent);
    return recent.length > limit;
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function tenantOf(activity: Record<string, unknown>): string | null {
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  return typeof conversation?.tenantId === 'string' ? conversation.tenantId : null;
}
