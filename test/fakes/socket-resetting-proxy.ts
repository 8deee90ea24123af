import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Whether to drop a request without an answer, given how many requests its connection served before.
 * `(served) => served > 0` is a server whose keep-alive timer fires just as a kept-alive connection is
 * used again: the request dies on a reused socket before any byte of an answer.
 */
export type ResetRule = (served: number) => boolean;

/**
 * A hand-written HTTP server on loopback in front of another one: it forwards each request (one
 * fresh connection per forward) and relays the answer, except those its rule picks, whose
 * connection it destroys without answering.
 */
export class SocketResettingProxy {
  /** Requests dropped without an answer. */
  resets = 0;
  private readonly served = new WeakMap<Socket, number>();
  private readonly server: http.Server;

  constructor(
    private readonly target: string,
    private rule: ResetRule,
  ) {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  /** Listens on port 0; resolves with the base URL (with a trailing slash). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  reset(rule: ResetRule): void {
    this.rule = rule;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const served = this.served.get(req.socket) ?? 0;
    this.served.set(req.socket, served + 1);
    if (this.rule(served)) {
      this.resets++;
      req.socket.destroy();
      return;
    }
    const forward = http.request(new URL(req.url ?? '/', this.target), { method: req.method, headers: withoutHopHeaders(req.headers), agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopHeaders(answer.headers));
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  }
}

/** Connection handling is each hop's own: the proxy keeps its client's connection and opens a new one per forward. */
function withoutHopHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const { connection: _connection, 'keep-alive': _keepAlive, host: _host, ...rest } = headers;
  return rest;
}
