import { fork, type ChildProcess } from 'node:child_process';
import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { FakeBotConnector } from '../../test/fakes/fake-bot-connector';

/*
 * The far ends of the notification benchmark, AFAS (one sandbox per tenant) and the Teams Bot
 * Connector, in a child process of their own: as in production they are other machines, so
 * their work and their clocks do not share the measured process's event loop, and the measured
 * process's RSS is the product's alone. The child is the same bundle, started with REMOTE_ENDS=1.
 */

export interface RemoteSetup {
  readonly tenants: number;
  readonly usersPerTenant: number;
  readonly connectorPerSecond: number;
}

export interface RemoteStats {
  readonly received: { readonly conversationId: string; readonly summary: string; readonly at: number }[];
  readonly requests: { readonly status: number; readonly at: number; readonly tenantId: string | null }[];
}

type Command =
  | { op: 'start'; setup: RemoteSetup }
  | { op: 'latency'; ms: number }
  | { op: 'signals' }
  | { op: 'stats' }
  | { op: 'count' }
  | { op: 'close' };

interface Envelope {
  id: number;
  command: Command;
}

/** One child process serving commands. */
class Child {
  private seq = 0;
  private readonly waiting = new Map<number, (value: unknown) => void>();
  private readonly process: ChildProcess;

  constructor(role: 'afas' | 'teams') {
    this.process = fork(process.argv[1], [], { env: { ...process.env, REMOTE_ENDS: role }, execArgv: ['--no-deprecation'] });
    this.process.on('message', (message: { id: number; value: unknown }) => {
      this.waiting.get(message.id)?.(message.value);
      this.waiting.delete(message.id);
    });
  }

  call(command: Command): Promise<unknown> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.process.send({ id, command } satisfies Envelope);
    });
  }

  kill(): void {
    this.process.kill();
  }
}

/** The parent's handle on the two children: AFAS (the sandboxes) and Teams (the connector), each with its own event loop. */
export class RemoteEnds {
  private constructor(private readonly afas: Child, private readonly teams: Child) {}

  static launch(): RemoteEnds {
    return new RemoteEnds(new Child('afas'), new Child('teams'));
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

  async close(): Promise<void> {
    await Promise.all([this.afas.call({ op: 'close' }), this.teams.call({ op: 'close' })]);
    this.afas.kill();
    this.teams.kill();
  }
}

/** In a child (REMOTE_ENDS=afas or teams): serves the commands of its role. */
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
      case 'count':
        return connector?.received.length ?? 0;
      case 'stats':
        return {
          received: (connector?.received ?? []).map((r) => ({ conversationId: r.conversationId, summary: String(r.activity.summary), at: r.at })),
          requests: (connector?.requests ?? []).map((r) => ({ status: r.status, at: r.at, tenantId: r.tenantId })),
        } satisfies RemoteStats;
      case 'close':
        for (const sandbox of sandboxes) await sandbox.close();
        await connector?.close();
        sandboxes = [];
        return null;
    }
  };
  process.on('message', (message: Envelope) => {
    void handle(message.command).then((value) => process.send?.({ id: message.id, value }));
  });
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
