import http from 'node:http';
import https from 'node:https';

/**
 * How long a kept-alive connection may sit idle before we close it ourselves. Servers close idle
 * connections on their own timer (Node's `keepAliveTimeout` and Apache's default to 5 s; IIS 120 s;
 * Azure load balancers 4 min): when a request leaves on a connection the server is closing, it
 * dies with ECONNRESET. 3 s stays under the shortest common one with 2 s to spare for timer lag on
 * a busy machine, and a connection opened again after 3 s of silence costs one handshake. With a
 * timeout of its own, Node's agent also honours a `Keep-Alive: timeout=N` hint (N - 1 s); without
 * one it ignores the hint.
 */
export const KEEP_ALIVE_IDLE_MS = 3000;

/**
 * Kept-alive connections for one outbound client, freed after `KEEP_ALIVE_IDLE_MS` idle. The
 * agents' `timeout` only destroys sockets in the free list; a request waiting for its answer is
 * left to the caller's own deadline.
 */
export class KeepAliveAgents {
  readonly http: http.Agent;
  readonly https: https.Agent;

  constructor(private readonly tls: https.AgentOptions = {}) {
    this.http = new http.Agent({ keepAlive: true, timeout: KEEP_ALIVE_IDLE_MS });
    this.https = new https.Agent({ ...tls, keepAlive: true, timeout: KEEP_ALIVE_IDLE_MS });
  }

  /** The shared agent for a URL's scheme. */
  for(url: string): http.Agent {
    return isHttps(url) ? this.https : this.http;
  }

  /**
   * An agent of its own for one request, so its connection is necessarily a new one; it still asks
   * for keep-alive (AFAS resets requests sent with `Connection: close`). `destroy()` it once the
   * answer has been read.
   */
  oneOff(url: string): http.Agent {
    return isHttps(url) ? new https.Agent({ ...this.tls, keepAlive: true }) : new http.Agent({ keepAlive: true });
  }

  /** Closes every kept-alive connection (shutdown, tests). */
  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

function isHttps(url: string): boolean {
  return url.toLowerCase().startsWith('https:');
}
