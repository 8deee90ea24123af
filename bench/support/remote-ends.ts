import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { FakeBotConnector } from '../../test/fakes/fake-bot-connector';
import { Child, serveCommands } from './child';

/*
 * The far ends of the notification benchmark, AFAS (one sandbox per tenant) and the Teams Bot
 * Connector, in a child process of their own: as in production they are other machines, so
 * their work and their clocks do not share the measured process's event loop, and the measured
 * process's RSS is the product's alone. The child is the same bundle, started with BENCH_ROLE=afas or teams.
 */

export interface RemoteSetup {
  readonly tenants: number;
  readonly usersPerTenant: number;
  readonly connectorPerSecond: number;
}

export interface RemoteStats {
  readonly received: { readonly conversationId: string; readonly summary: string; readonly at: number }[];
  readonly requests: { readonly status: number; readonly at: number; readonly tenantId: string | null; readonly conversationId: string }[];
}

type Command =
  | { op: 'start'; setup: RemoteSetup }
  | { op: 'latency'; ms: number }
  | { op: 'signals' }
  | { op: 'stats' }
  | { op: 'afasStats' }
  | { op: 'count' }
  | { op: 'close' };

/** The parent's handle on the two children: AFAS (the sandboxes) and Teams (the connector), each with its own event loop. */
export class RemoteEnds {
  private constructor(private readonly afas: Child<Command>, private readonly teams: Child<Command>) {}

  /** `script`: the bundle that serves the roles (default this process's own). */
  static launch(script?: string): RemoteEnds {
    return new RemoteEnds(new Child('afas', script), new Child('teams', script));
  }

  /** Sandbox base URLs per tenant, the connector's URL and each user's AFAS token ([tenant][user]). */
  async start(setup: RemoteSetup): Promise<{ baseUrls: string[]; connectorUrl: string; tokens: string[][]; emails: string[][] }> {
    const connectorUrl = (await this.teams.call({ op: 'start', setup })) as string;
    const afas = (await this.afas.call({ op: 'start', setup })) as { baseUrls: string[]; tokens: string[][]; emails: string[][] };
    return { ...afas, connectorUrl };
  }

  setLatency(ms: number): Promise<unknown> {
    return this.afas.call({ op: 'latency', ms });
  }

  /** One new signal for every user holding a token, in every sandbox; returns how many. */
  newSignalForEveryone(): Promise<number> {
    return this.afas.call({ op: 'signals' }) as Promise<number>;
  }

  receivedCount(): Promise<number> {
    return this.teams.call({ op: 'count' }) as Promise<number>;
  }

  stats(): Promise<RemoteStats> {
    return this.teams.call({ op: 'stats' }) as Promise<RemoteStats>;
  }

  /** The most calls each sandbox (one AFAS environment per tenant) had in flight at once. */
  maxInFlight(): Promise<number[]> {
    return this.afas.call({ op: 'afasStats' }) as Promise<number[]>;
  }

  async close(): Promise<void> {
    await Promise.all([this.afas.call({ op: 'close' }), this.teams.call({ op: 'close' })]);
    this.afas.kill();
    this.teams.kill();
  }
}

/** In a child (BENCH_ROLE=afas or teams): serves the commands of its role. */
export function serveRemoteEnds(role: string): void {
  let sandboxes: AfasSandbox[] = [];
  let connector: FakeBotConnector | null = null;
  const handle = async (command: Command): Promise<unknown> => {
    switch (command.op) {
      case 'start': {
        const { setup } = command;
        if (role === 'teams') {
          connector = new FakeBotConnector({ tenantRequestsPerSecond: setup.connectorPerSecond });
          return connector.start();
        }
        const baseUrls: string[] = [];
        const tokens: string[][] = [];
        const emails: string[][] = [];
        for (let t = 0; t < setup.tenants; t++) {
          const sandbox = new AfasSandbox({ autoProvisionUsers: true });
          const { baseUrl } = await sandbox.listen(0);
          const mine = Array.from({ length: setup.usersPerTenant }, (_v, i) => `bench.user${i}@tenant${t}.example`);
          for (const email of mine) await provision(baseUrl, email);
          sandboxes.push(sandbox);
          baseUrls.push(baseUrl);
          emails.push(mine);
          tokens.push(mine.map((email) => sandbox.issueToken(email)));
        }
        return { baseUrls, tokens, emails };
      }
      case 'latency':
        for (const sandbox of sandboxes) sandbox.faults.set({ kind: 'latency', ms: command.ms });
        return null;
      case 'signals':
        return sandboxes.reduce((sum, sandbox) => sum + sandbox.generateSignals(), 0);
      case 'afasStats':
        return sandboxes.map((sandbox) => sandbox.stats.maxInFlight);
      case 'count':
        return connector?.received.length ?? 0;
      case 'stats':
        return {
          received: (connector?.received ?? []).map((r) => ({ conversationId: r.conversationId, summary: String(r.activity.summary), at: r.at })),
          requests: (connector?.requests ?? []).map((r) => ({ status: r.status, at: r.at, tenantId: r.tenantId, conversationId: r.conversationId })),
        } satisfies RemoteStats;
      case 'close':
        for (const sandbox of sandboxes) await sandbox.close();
        await connector?.close();
        sandboxes = [];
        return null;
    }
  };
  serveCommands<Command>(handle);
}

/** Creates the sandbox user the way a first activation does (auto-provisioning on an OTP request). */
async function provision(baseUrl: string, email: string): Promise<void> {
  const res = await fetch(`${baseUrl}/otprequest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ apiKey: DEMO_API_KEY, apiToken: DEMO_ENVIRONMENT_KEY, userId: email }),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`provisioning ${email} failed with ${res.status}`);
}
