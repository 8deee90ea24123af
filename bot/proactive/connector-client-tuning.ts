import type { TurnContext } from 'botbuilder';
import type { KeepAliveAgents } from '../../src/net/keep-alive-agents';
import { watchRequest } from '../../src/net/watched-request';

interface PipelineRequestLike {
  url: string;
  agent?: unknown;
  body?: unknown;
}

interface PipelinePolicyLike {
  name: string;
  sendRequest(request: PipelineRequestLike, next: (request: PipelineRequestLike) => Promise<unknown>): Promise<unknown>;
}

interface PipelineLike {
  removePolicy?(options: { phase?: string }): unknown;
  addPolicy?(policy: PipelinePolicyLike, options?: { phase?: string }): void;
}

const tuned = new WeakSet<PipelineLike>();

/**
 * The Bot Connector client (Azure core-rest-pipeline; one per service URL, see
 * bot/cached-connector-auth.ts) (1) retries 429 and 5xx answers on its own, several times with its own waits,
 * which would spend Teams' budget behind the scheduler's back, wait in real time and repeat a 500
 * that must not be repeated, and (2) opens a connection of its own, a TLS handshake per message.
 * The client gets its retry phase replaced, once, by `idleResetResend` over the shared keep-alive
 * agents. Returns false when the client is not shaped as expected.
 */
export function tuneConnectorClient(context: TurnContext, agents: KeepAliveAgents, onResend: () => void): boolean {
  const holder = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: PipelineLike } } | undefined;
  const pipeline = holder?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function' || typeof pipeline.addPolicy !== 'function') return false;
  // The adapter keeps one client per service URL (bot/cached-connector-auth.ts): tuned once, it stays tuned.
  if (tuned.has(pipeline)) return true;
  tuned.add(pipeline);
  pipeline.removePolicy({ phase: 'Retry' });
  // In the retry phase: a resend passes the signing policy again, right before the socket.
  pipeline.addPolicy(idleResetResend(agents, onResend), { phase: 'Retry' });
  return true;
}

/**
 * One call is one request over the shared kept-alive connections, with one exception: a request
 * that died on a reused connection before any answer (Node's documented "server closed the idle
 * socket" case: not processed) is sent once more, on a new connection. Every other failure goes
 * back to the caller as it came.
 */
export function idleResetResend(agents: KeepAliveAgents, onResend: () => void): PipelinePolicyLike {
  return {
    name: 'afasIdleResetResend',
    sendRequest: async (request, next) => {
      const watched = watchRequest(agents.for(request.url));
      request.agent = watched.agent;
      try {
        return await next(request);
      } catch (error) {
        if (!watched.idleReset(error) || !replayable(request.body)) throw error;
        onResend();
        const fresh = agents.oneOff(request.url);
        request.agent = fresh;
        try {
          return await next(request);
        } finally {
          fresh.destroy();
        }
      }
    },
  };
}

/** The Bot Connector client serialises activities to a string; a stream could not be sent twice. */
function replayable(body: unknown): boolean {
  return body === undefined || body === null || typeof body === 'string';
}
