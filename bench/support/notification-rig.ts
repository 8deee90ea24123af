import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { parseConfig } from '../../src/config';
import { openCore, type Core } from '../../src/composition/core';
import { composeProductNotifications, type NotificationStack } from '../../src/composition/notification-stack';
import type { JobQueue } from '../../src/ports/job-queue';
import type { EngineJobData } from '../../src/scheduler/user-job';
import { buildUseCases, type UseCases } from '../../src/composition/use-cases';
import type { AfasConnection } from '../../src/domain/afas-connection';
import { baselineId } from '../../src/domain/notification';
import type { UserKey } from '../../src/domain/user-key';
import { createPinoLogger } from '../../src/logging/pino-logger';
import type { Storage } from '../../src/ports/storage';
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
 * The notification stack as main.ts builds it (openCore, buildUseCases, composeProductNotifications)
 * on real parts and real time, with production logging (JSON at info, written to /dev/null): one
 * AFAS sandbox (its own environment, so its own 8-call limit) per tenant, the axios AFAS client,
 * SQLite in a temporary directory, botbuilder's CloudAdapter sending to a fake Bot Connector that
 * throttles per tenant like Teams does. AFAS and the connector run in child processes (`RemoteEnds`).
 */
export class NotificationRig {
  private constructor(
    readonly core: Core,
    private readonly useCases: UseCases,
    readonly remote: RemoteEnds,
    private readonly dataDir: string,
  ) {}

  private readonly stacks: NotificationStack<JobQueue<EngineJobData>>[] = [];

  get storage(): Storage {
    return this.core.storage;
  }

  static async start(options: RigOptions): Promise<NotificationRig> {
    const remote = RemoteEnds.launch();
    const ends = await remote.start({ tenants: options.tenants, usersPerTenant: options.usersPerTenant, connectorPerSecond: options.connectorPerSecond });
    const dataDir = mkdtempSync(join(tmpdir(), 'afas-notify-bench-'));
    const config = parseConfig({ DEMO: 'false', DATA_DIR: dataDir, TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'), LOG_FORMAT: 'json', LOG_LEVEL: 'info', PLAYGROUND: 'false' });
    const core = await openCore(config, { logger: createPinoLogger(config.logLevel, config.logFormat, createWriteStream('/dev/null')) });
    const useCases = buildUseCases(core, { notifications: { wake: async () => undefined } });
    await seedTenants(core, ends);
    await remote.setLatency(options.afasLatencyMs);
    return new NotificationRig(core, useCases, remote, dataDir);
  }

  /** The engine as main.ts builds it, over this rig; first polls all due now. */
  stack(): NotificationStack<JobQueue<EngineJobData>> {
    const stack = composeProductNotifications(this.core, this.useCases, { engine: { pollIntervalMs: 5 * 60_000, firstPollSpreadMs: 0 } });
    this.stacks.push(stack);
    return stack;
  }

  async close(): Promise<void> {
    for (const stack of this.stacks) await stack.close();
    await this.remote.close();
    await this.core.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Each tenant's connection to its sandbox, and every user activated with a chat and their open signals seen (as after a first poll). */
export async function seedTenants(core: Core, ends: { baseUrls: string[]; connectorUrl: string; tokens: string[][]; emails: string[][] }): Promise<UserKey[]> {
  const { storage, source } = core;
  const users: UserKey[] = [];
  for (let t = 0; t < ends.baseUrls.length; t++) {
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
      users.push(user);
    });
  }
  return users;
}

/** Tenant t's AFAS connection (conn-t), on its own sandbox (so its own 8-call limit). */
export function tenantConnection(t: number, baseUrl: string, now: Date): AfasConnection {
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
    taskActions: { enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' },
    defaultList: 'task',
    isDefault: true,
    enabled: true,
    createdAt: now,
    updatedAt: now,
  };
}

/** A personal conversation with the bot, at the fake connector. */
export function reference(serviceUrl: string, user: UserKey): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl,
    locale: 'nl-NL',
    bot: { id: '28:bench-bot', name: 'AFAS for Teams' },
    user: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId },
    conversation: { id: `a:${user.aadObjectId}`, tenantId: user.tenantId, conversationType: 'personal', isGroup: false },
  };
}

/** `work` on every item, `size` at a time. */
export async function inBatches<T>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
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
