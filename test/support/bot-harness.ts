import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import type { AfasTeamsBot } from '../../bot/afas-teams-bot';
import { createAfasTeamsBot } from '../../bot/bot-host';
import type { BotServices } from '../../bot/bot-turn';
import { AfasSandbox, type SandboxOptions } from '../../sandbox';
import { composeBotServices } from '../../src/composition/bot-services';
import type { Core } from '../../src/composition/core';
import { buildUseCases } from '../../src/composition/use-cases';
import type { Storage } from '../../src/ports/storage';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { INSITE, openTestCore, PUBLIC_URL } from '../support/test-core';

export { INSITE, PUBLIC_URL };
export const TENANT = 'tenant-contoso';

export interface HarnessOptions {
  readonly sandbox?: SandboxOptions;
  readonly invokeBudgetMs?: number;
  /** Configuration keys on top of the harness's (AFAS_AUTH_MODE...). */
  readonly env?: Record<string, string>;
}

/**
 * The bot as main.ts composes it (openCore, buildUseCases, composeBotServices) over real parts:
 * the AFAS sandbox on a socket, the AFAS client, SQLite storage. Only the Teams side is
 * botbuilder's TestAdapter. `newBot()` builds a fresh bot over the same storage, as after a restart.
 */
export class BotHarness {
  private constructor(
    readonly sandbox: AfasSandbox,
    readonly storage: Storage,
    readonly clock: FakeClock,
    readonly logger: RecordingLogger,
    readonly services: BotServices,
    private readonly core: Core,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<BotHarness> {
    const clock = new FakeClock('2026-03-02T08:00:00Z');
    const logger = new RecordingLogger();
    const sandbox = new AfasSandbox({ clock, ...options.sandbox });
    const { baseUrl } = await sandbox.listen(0);
    // Signals open on InSite's default page in these tests (no signal link template).
    const core = await openTestCore({ clock, logger, afasBaseUrl: baseUrl, env: { AFAS_SIGNAL_URL_TEMPLATE: '', ...options.env } });
    // The notification engine is not part of this harness: a first poll after activation is a no-op here.
    const useCases = buildUseCases(core, { notifications: { wake: async () => undefined } });
    const services = composeBotServices(core, useCases, { invokeBudgetMs: options.invokeBudgetMs ?? 4500 });
    return new BotHarness(sandbox, core.storage, clock, logger, services, core);
  }

  /** A bot as a process would build it, over this harness's storage. */
  newBot(): AfasTeamsBot {
    return createAfasTeamsBot(this.services, this.storage.state);
  }

  /** A Teams user talking to `bot` through botbuilder's TestAdapter. */
  user(bot: AfasTeamsBot, who: { aadObjectId?: string; name?: string; locale?: string } = {}): TestUser {
    return new TestUser(bot, { aadObjectId: who.aadObjectId ?? 'aad-jan', name: who.name ?? 'Jan de Vries', locale: who.locale ?? 'en-US' });
  }

  async close(): Promise<void> {
    await this.sandbox.close();
    await this.core.close();
  }
}

let activityCounter = 0;

export class TestUser {
  readonly adapter: TestAdapter;

  constructor(private readonly bot: AfasTeamsBot, readonly who: { aadObjectId: string; name: string; locale: string }) {
    this.adapter = new TestAdapter((context) => this.bot.run(context), {
      channelId: 'msteams',
      locale: who.locale,
      from: { id: `29:${who.aadObjectId}`, name: who.name, aadObjectId: who.aadObjectId },
      conversation: { id: `a:personal-${who.aadObjectId}`, tenantId: TENANT, conversationType: 'personal', isGroup: false, name: 'personal' },
      recipient: { id: '28:afas-bot', name: 'AFAS for Teams' },
      channelData: { tenant: { id: TENANT } },
    });
  }

  get key() {
    return { tenantId: TENANT, aadObjectId: this.who.aadObjectId };
  }

  /** Sends an activity and returns everything the bot answered in that turn. */
  async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.processActivity({ id: `act-${++activityCounter}`, ...activity });
    return this.adapter.activeQueue.splice(0);
  }

  say(text: string): Promise<Partial<Activity>[]> {
    return this.send({ type: ActivityTypes.Message, text });
  }

  /** Clicks an Action.Execute button: an `adaptiveCard/action` invoke. */
  click(verb: string, data: Record<string, unknown> = {}): Promise<Partial<Activity>[]> {
    return this.send({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
  }
}

/** The Adaptive Cards among replies: message attachments and invoke-response cards. */
export function cardsOf(replies: Partial<Activity>[]): unknown[] {
  const cards: unknown[] = [];
  for (const reply of replies) {
    for (const attachment of reply.attachments ?? []) cards.push(attachment.content);
    const body = (reply.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
    if (reply.type === 'invokeResponse' && body?.type === 'application/vnd.microsoft.card.adaptive') cards.push(body.value);
  }
  return cards;
}
