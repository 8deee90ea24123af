import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY, RealClock, SilentLogger } from '../../sandbox';
import { AfasWorkItemSource } from '../../src/afas/afas-work-item-source';
import { AxiosAfasClientFactory } from '../../src/afas/axios-afas-client-factory';
import { RowMapper } from '../../src/afas/row-mapper';
import type { AfasConnection } from '../../src/domain/afas-connection';
import { baselineId } from '../../src/domain/notification';
import type { UserKey } from '../../src/domain/user-key';
import type { Storage } from '../../src/ports/storage';
import type { NotificationEngine } from '../../src/scheduler/notification-engine';
import { composeNotificationStack, type NotificationStack } from '../../src/composition/notification-stack';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage } from '../../src/storage/open-storage';
import { RemoteEnds } from './remote-ends';

export interface RigOptions {
  readonly tenants: number;
  readonly usersPerTenant: number;
  /** Added by the sandbox to every AFAS call (real time). */
  readonly afasLatencyMs: number;
  /** The fake connector answers 429 above this many requests per second per tenant. */
  readonly connectorPerSecond: number;
}

/**
 * The whole notification stack on real parts and real time, as production wires it: one AFAS
 * sandbox (its own environment, so its own 8-call limit) per tenant, the axios AFAS client, SQLite
 * in a temporary directory, botbuilder's CloudAdapter sending to a fake Bot Connector that throttles
 * per tenant like Teams does. AFAS and the connector run in a child process (see `RemoteEnds`).
 */
export class NotificationRig {
  private constructor(
    readonly storage: Storage,
    readonly remote: RemoteEnds,
    private readonly afas: AxiosAfasClientFactory,
    private readonly dataDir: string,
  ) {}

  private readonly stacks: NotificationStack[] = [];

  static async start(options: RigOptions): Promise<NotificationRig> {
    const clock = new RealClock();
    const logger = new SilentLogger();
    const remote = RemoteEnds.launch();
    const ends = await remote.start({ tenants: options.tenants, usersPerTenant: options.usersPerTenant, connectorPerSecond: options.connectorPerSecond });
    const dataDir = mkdtempSync(join(tmpdir(), 'afas-notify-bench-'));
    const storage = await openStorage({ dataDir, secretBox: new AesGcmSecretBox({ current: Buffer.alloc(32, 5) }) });
    const afas = new AxiosAfasClientFactory({ clock, logger, timeoutMs: 30_000 });
    const source = new AfasWorkItemSource(afas, new RowMapper(logger), 500);
    for (let t = 0; t < options.tenants; t++) {
      const connection = tenantConnection(t, ends.baseUrls[t], new Date());
      await storage.connections.save(connection);
      await storage.connections.setSecrets(connection.id, { apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY });
      await inBatches(ends.tokens[t], 16, async (token, i) => {
        const user = { tenantId: connection.tenantId!, aadObjectId: `aad-${t}-${i}` };
        const activatedAt = new Date();
        await storage.activations.save({ user, connectionId: connection.id, afasUserId: ends.emails[t][i], activatedAt }, token);
        await storage.conversations.save(user, reference(ends.connectorUrl, user), activatedAt);
        // As if their first poll had happened: what is open now is known.
        const { items } = await source.list(connection, token, 'signal');
        await storage.deliveries.markSeen(user, 'signal', [baselineId(activatedAt), ...items.map((item) => item.id)], activatedAt);
      });
    }
    await remote.setLatency(options.afasLatencyMs);
    return new NotificationRig(storage, remote, afas, dataDir);
  }

  /** The engine as main.ts builds it (`composeNotificationStack`), over this rig; first polls all due now. */
  engine(): NotificationEngine {
    const clock = new RealClock();
    const logger = new SilentLogger();
    const stack = composeNotificationStack({
      bot: { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' },
      storage: this.storage,
      source: new AfasWorkItemSource(this.afas, new RowMapper(logger), 500),
      clock,
      logger,
      engine: { pollIntervalMs: 5 * 60_000, firstPollSpreadMs: 0 },
    });
    this.stacks.push(stack);
    return stack.engine;
  }

  async close(): Promise<void> {
    for (const stack of this.stacks) stack.notifier.close();
    await this.remote.close();
    this.afas.close();
    await this.storage.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function tenantConnection(t: number, baseUrl: string, now: Date): AfasConnection {
  return {
    id: `conn-${t}`,
    tenantId: `tenant-${t}`,
    name: `Sandbox ${t}`,
    environment: 'sandbox',
    baseUrl,
    insiteUrl: 'https://12345.afasinsite.nl',
    tasksConnector: 'Teams_Tasks',
    signalsConnector: 'Teams_Signals',
    taskFieldMap: {},
    signalFieldMap: {},
    taskUrlTemplate: null,
    signalUrlTemplate: 'https://12345.afasinsite.nl/signaal?id={guid_signal}',
    defaultTasksUrl: 'https://12345.afasinsite.nl',
    useDefaultTasksUrl: false,
    defaultList: 'task',
    isDefault: true,
    enabled: true,
    createdAt: now,
    updatedAt: now,
  };
}

function reference(serviceUrl: string, user: UserKey): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl,
    locale: 'nl-NL',
    bot: { id: '28:bench-bot', name: 'AFAS for Teams' },
    user: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId },
    conversation: { id: `a:${user.aadObjectId}`, tenantId: user.tenantId, conversationType: 'personal', isGroup: false },
  };
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}
