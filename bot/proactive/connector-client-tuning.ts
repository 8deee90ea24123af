import http from 'node:http';
import https from 'node:https';
import type { TurnContext } from 'botbuilder';

interface PipelineRequestLike {
  url: string;
  agent?: unknown;
}

interface PipelineLike {
  removePolicy?(options: { phase?: string }): unknown;
  addPolicy?(policy: { name: string; sendRequest(request: PipelineRequestLike, next: (request: PipelineRequestLike) => Promise<unknown>): Promise<unknown> }): void;
}

/** Keep-alive agents shared by every proactive send, so connections (and TLS sessions) are reused. */
export interface SharedAgents {
  readonly http: http.Agent;
  readonly https: https.Agent;
}

export function createSharedAgents(): SharedAgents {
  return { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
}

/**
 * botbuilder builds a new Bot Connector client (Azure core-rest-pipeline) for every proactive turn,
 * and that client (1) retries 429 and 5xx answers on its own, several times with its own waits,
 * which would spend Teams' budget behind the scheduler's back, wait in real time and repeat a 500
 * that must not be repeated, and (2) opens a connection of its own, a TLS handshake per message.
 * This turn's client gets its retry phase removed (one call is one request) and the shared
 * keep-alive agents. Returns false when the client is not shaped as expected.
 */
export function tuneConnectorClient(context: TurnContext, agents: SharedAgents): boolean {
  const holder = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: PipelineLike } } | undefined;
  const pipeline = holder?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function' || typeof pipeline.addPolicy !== 'function') return false;
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy({
    name: 'afasSharedAgent',
    sendRequest: (request, next) => {
      request.agent ??= request.url.startsWith('https:') ? agents.https : agents.http;
      return next(request);
    },
  });
  return true;
}
