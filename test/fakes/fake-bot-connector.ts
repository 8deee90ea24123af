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

/**
 * The far side of the Bot Framework: a hand-written Bot Connector on a real socket that records
 * `POST /v3/conversations/{id}/activities[/{replyToId}]` (and PUT updates) and can be told to fail.
 */
export class FakeBotConnector {
  readonly received: ReceivedActivity[] = [];
  private queue: ConnectorAnswer[] = [];
  private waiters: (() => void)[] = [];
  private readonly replyWaiters = new Map<string, (activity: ReceivedActivity) => void>();
  private server: Server | null = null;
  private counter = 0;

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
    const answer = this.queue.shift() ?? { status: 201 };
    if (answer.status >= 300) {
      if (answer.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(answer.retryAfterSeconds));
      return this.json(res, answer.status, { error: { code: answer.code ?? 'Error', message: 'fake connector refused' } });
    }
    const received: ReceivedActivity = {
      method: req.method,
      conversationId: decodeURIComponent(match[1]),
      replyToId: match[2] ? decodeURIComponent(match[2]) : null,
      activity: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
      at: Date.now(),
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

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
