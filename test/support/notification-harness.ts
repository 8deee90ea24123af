import { AfasSandbox, type SandboxOptions } from '../../sandbox';
import type { Core } from '../../src/composition/core';
import type { UserKey } from '../../src/domain/user-key';
import { DEFAULT_PREFERENCES, type UserPreferences } from '../../src/domain/user-preferences';
import type { Notifier } from '../../src/ports/notifier';
import type { Storage } from '../../src/ports/storage';
import type { WorkItemSource } from '../../src/ports/work-item-source';
import type { InProcessJobQueue } from '../../src/scheduler/in-process-job-queue';
import type { NotificationEngine, NotificationEngineOptions } from '../../src/scheduler/notification-engine';
import type { EngineJobData } from '../../src/scheduler/user-job';
import { composeNotificationStack, type NotificationStack } from '../../src/composition/notification-stack';
import { DeferredTaskCardUpdater } from '../../src/composition/deferred-task-card-updater';
import { DeferredNotifier } from '../../src/composition/deferred-notifier';
import { buildUseCases, type UseCases } from '../../src/composition/use-cases';
import { FakeBotConnector, type FakeBotConnectorOptions, type ReceivedActivity } from '../fakes/fake-bot-connector';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { SocketResettingProxy, type ResetRule } from '../fakes/socket-resetting-proxy';
import { openTestCore } from '../support/test-core';
import { seededRandom } from './seeded-random';

export const TENANT = 'tenant-contoso';
export { INSITE } from '../support/test-core';
export const MINUTE = 60_000;
export const JAN = 'jan.devries@horizon-groep.example';
export const FLEUR = 'fleur.bakker@horizon-groep.example';
export const LOTTE = 'lotte.smit@horizon-groep.example';

export interface HarnessOptions {
  readonly sandbox?: SandboxOptions;
  readonly connector?: FakeBotConnectorOptions;
  /** Puts a proxy in front of the connector that drops the requests this rule picks without an answer. */
  readonly connectorResets?: ResetRule;
  readonly engine?: Partial<NotificationEngineOptions>;
  /** Wraps the real notifier (to fail or stall around it). */
  readonly notifier?: (real: Notifier) => Notifier;
  /** Replaces the AFAS sandbox as the source of work items. */
  readonly source?: WorkItemSource;
  readonly start?: string;
}

/** One running engine over a harness's storage; a second one stands for the process after a restart. */
export interface EngineRun {
  readonly engine: NotificationEngine;
  readonly queue: InProcessJobQueue<EngineJobData>;
}

/**
 * The notification engine over real parts: the AFAS sandbox on a socket, the AFAS client, SQLite
 * storage, botbuilder's CloudAdapter sending to a fake Bot Connector on a socket. Time is a fake
 * clock throughout; `drive` steps it from one due job to the next and waits for each to finish.
 */
export class NotificationHarness {
  run!: EngineRun;
  /** The stacks built so far; the last one is the current engine's. */
  readonly stacks: NotificationStack[] = [];
  private readonly cardUpdater = new DeferredTaskCardUpdater();
  private readonly notifier = new DeferredNotifier();
  /** The use cases as main.ts builds them over the harness's core (acting on tasks, say), bound to the current stack. */
  readonly useCases: UseCases;
  private constructor(
    readonly clock: FakeClock,
    readonly sandbox: AfasSandbox,
    readonly storage: Storage,
    readonly connector: FakeBotConnector,
    readonly serviceUrl: string,
    readonly logger: RecordingLogger,
    readonly proxy: SocketResettingProxy | null,
    private readonly core: Core,
    private readonly options: HarnessOptions,
  ) {
    this.useCases = buildUseCases(core, { notifications: { wake: async () => undefined }, cardUpdater: this.cardUpdater, notifier: this.notifier });
  }

  static async start(options: HarnessOptions = {}): Promise<NotificationHarness> {
    const clock = new FakeClock(options.start ?? '2026-03-02T08:00:00Z');
    const logger = new RecordingLogger();
    const sandbox = new AfasSandbox({ clock, ...options.sandbox });
    const { baseUrl } = await sandbox.listen(0);
    // One attempt per AFAS call: retries would sleep on the fake clock inside a running job.
    const core = await openTestCore({ clock, logger, afasBaseUrl: baseUrl, source: options.source, afasRetry: { maxAttempts: 1 } });
    const connector = new FakeBotConnector({ now: () => clock.now().getTime(), ...options.connector });
    const connectorUrl = await connector.start();
    const proxy = options.connectorResets ? new SocketResettingProxy(connectorUrl, options.connectorResets) : null;
    const serviceUrl = proxy ? await proxy.start() : connectorUrl;
    const harness = new NotificationHarness(clock, sandbox, core.storage, connector, serviceUrl, logger, proxy, core, options);
    harness.run = harness.newEngine();
    return harness;
  }

  /**
   * A fresh engine (adapter, notifier, queue, budgets) over the same storage, built by the product's
   * own composition (`composeNotificationStack`, as main.ts builds it): only AFAS, the Bot
   * Connector and the clock are the test's.
   */
  newEngine(wrap?: (real: Notifier) => Notifier, storage: Pick<Storage, 'activations' | 'connections' | 'conversations' | 'preferences' | 'deliveries'> = this.storage): EngineRun {
    const stack = composeNotificationStack({
      bot: { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' },
      storage,
      source: this.core.source,
      clock: this.clock,
      logger: this.logger,
      engine: { pollIntervalMs: 5 * MINUTE, firstPollSpreadMs: 0, ...this.options.engine },
      random: seededRandom(),
      wrapNotifier: wrap ?? this.options.notifier,
      taskCards: this.useCases.taskCards,
    });
    this.cardUpdater.bind(stack.cardUpdater);
    this.notifier.bind(stack.notifier);
    this.stacks.push(stack);
    return { engine: stack.engine, queue: stack.queue };
  }

  /** A Teams user activated against an AFAS user, with a 1:1 conversation the bot can write into. */
  async activate(aadObjectId: string, afasUserId: string, options: { locale?: string; preferences?: Partial<UserPreferences>; tenantId?: string } = {}): Promise<UserKey> {
    const user = { tenantId: options.tenantId ?? TENANT, aadObjectId };
    const now = this.clock.now();
    const token = this.sandbox.users().some((u) => u.userId === afasUserId) ? this.sandbox.issueToken(afasUserId) : `<token><version>1</version><data>${aadObjectId}</data></token>`;
    await this.storage.activations.save({ user, connectionId: 'default', afasUserId, activatedAt: now }, token);
    await this.storage.conversations.save(user, this.reference(user, options.locale ?? 'en-US'), now);
    if (options.preferences) await this.storage.preferences.save(user, { ...DEFAULT_PREFERENCES, ...options.preferences }, now);
    return user;
  }

  reference(user: UserKey, locale: string): Record<string, unknown> {
    return {
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      locale,
      bot: { id: '28:afas-bot', name: 'AFAS for Teams' },
      user: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId },
      conversation: { id: chatId(user), tenantId: user.tenantId, conversationType: 'personal', isGroup: false },
    };
  }

  async startEngine(): Promise<void> {
    await this.run.engine.start();
  }

  /**
   * Moves the fake clock forward by `ms`, running every job that falls due on the way, each at its
   * time. `until` (a job that will never finish, say) ends the drive as soon as it resolves.
   */
  async drive(ms: number, until?: Promise<unknown>): Promise<void> {
    const { queue } = this.run;
    let interrupted = false;
    const stop = until?.then(() => {
      interrupted = true;
    });
    const settle = () => Promise.race([queue.idle(), ...(stop ? [stop] : [])]);
    const target = this.clock.now().getTime() + ms;
    for (let guard = 0; guard < 100_000 && !interrupted; guard++) {
      await settle();
      const next = queue.nextDueAt();
      if (interrupted || !next || next.getTime() > target) break;
      await this.clock.advance(Math.max(0, next.getTime() - this.clock.now().getTime()));
    }
    if (interrupted) return;
    await this.clock.advance(Math.max(0, target - this.clock.now().getTime()));
    await settle();
  }

  /** What arrived at the connector for a user's chat. */
  activitiesFor(user: UserKey): ReceivedActivity[] {
    return this.connector.received.filter((r) => r.conversationId === chatId(user));
  }

  /** The Adaptive Cards that arrived for a user, in order. */
  cardsFor(user: UserKey): unknown[] {
    return this.activitiesFor(user).map((r) => ((r.activity.attachments as { content: unknown }[] | undefined) ?? [])[0]?.content ?? null);
  }

  requestsFor(user: UserKey): FakeBotConnector['requests'] {
    return this.connector.requests.filter((r) => r.conversationId === chatId(user));
  }

  /** AFAS connector reads the sandbox saw for one AFAS user. */
  afasReadsOf(afasUserId: string): number {
    return this.sandbox.stats.requests.filter((r) => r.userId === afasUserId && r.path.toLowerCase().includes('/connectors/')).length;
  }

  async close(): Promise<void> {
    await this.run.engine.stop();
    // Only the current engine is stopped: an earlier one may hold a job that never finishes (a "crash").
    for (const stack of this.stacks) stack.notifier.close();
    await this.sandbox.close();
    await this.proxy?.close();
    await this.connector.close();
    await this.core.close();
  }
}

export function chatId(user: UserKey): string {
  return `a:chat-${user.aadObjectId}`;
}
