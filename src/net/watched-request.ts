import type http from 'node:http';

/** One request's view of a shared agent: afterwards it tells whether the request died unprocessed. */
export interface WatchedRequest {
  /** Give this to the HTTP client for this one request; connections still come from the shared pool. */
  readonly agent: http.Agent;
  /**
   * True when `error` is ECONNRESET on a reused (kept-alive) socket before any answer arrived. Node
   * documents this case as the server having closed the idle connection: the request was not
   * processed and may be sent again (`request.reusedSocket`, in the docs of `http.ClientRequest`).
   */
  idleReset(error: unknown): boolean;
}

interface AgentInternals {
  addRequest(request: http.ClientRequest, options: unknown): void;
}

/** Watches the next request made through `shared` with the returned agent. */
export function watchRequest(shared: http.Agent): WatchedRequest {
  let request: http.ClientRequest | null = null;
  let answered = false;
  // Inherits everything from the shared agent; only hands the request over after noting it.
  const agent = Object.create(shared, {
    addRequest: {
      value: (req: http.ClientRequest, options: unknown): void => {
        request = req;
        req.once('response', () => {
          answered = true;
        });
        (shared as unknown as AgentInternals).addRequest(req, options);
      },
    },
  }) as http.Agent;
  return {
    agent,
    idleReset: (error) => request !== null && request.reusedSocket && !answered && codeOf(error) === 'ECONNRESET',
  };
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
