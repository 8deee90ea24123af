import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Notification } from '../../src/domain/notification';
import { SEND_TIMEOUT_MS } from '../../src/domain/teams-limits';
import type { Clock } from '../../src/ports/clock';
import type { ConversationReferenceJson } from '../../src/ports/conversation-store';
import type { Logger } from '../../src/ports/logger';
import type { Notifier, SendOptions, SendResult } from '../../src/ports/notifier';
import { notificationActivity } from './notification-activity';
import { KeepAliveAgents } from '../../src/net/keep-alive-agents';
import { tuneConnectorClient } from './connector-client-tuning';
import { classifySendError } from './send-error';

/** The part of botbuilder's CloudAdapter a proactive send needs (BotHost.adapter). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface BotFrameworkNotifierDeps {
  readonly adapter: ProactiveAdapter;
  /** MicrosoftAppId ('' in local development). */
  readonly appId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeoutMs?: number;
}

/** What the notifier counts in this process, for benchmarks and tests (the engine's metrics count the rest). */
export interface NotifierCounts {
  /** Sends that died on a reused connection the connector had closed, and were sent once more. */
  resentAfterIdleReset: number;
  /** Sends whose outcome is unknown (Teams may have shown them; never repeated), by code. */
  readonly unknown: Record<string, number>;
}

/**
 * Proactive messages through the Bot Framework: `continueConversationAsync` with the stored
 * reference, one request per call (the SDK's own retries are switched off) over kept-alive
 * connections, and every answer classified for the scheduler. A request that died unprocessed on
 * a reused connection is sent once more on a new one; any other send that gets no answer (in time)
 * is an unknown outcome, counted in `counts`. `close()` at shutdown.
 */
export class BotFrameworkNotifier implements Notifier {
  readonly counts: NotifierCounts = { resentAfterIdleReset: 0, unknown: {} };
  private warnedAboutClient = false;
  private readonly agents = new KeepAliveAgents();

  constructor(private readonly deps: BotFrameworkNotifierDeps) {}

  /** Closes the kept-alive connections (at shutdown). */
  close(): void {
    this.agents.destroy();
  }

  async send(reference: ConversationReferenceJson, notification: Notification, options: SendOptions = {}): Promise<SendResult> {
    const activity = notificationActivity(notification, this.deps.clock.now());
    const abort = new AbortController();
    const timeout = this.deps.clock.sleep(this.deps.timeoutMs ?? SEND_TIMEOUT_MS, abort.signal).then(
      (): SendResult => ({ outcome: 'unknown', code: 'teams_send_timeout' }),
      () => new Promise<SendResult>(() => undefined),
    );
    try {
      const result = await Promise.race([this.attempt(reference, activity, options.notAfter?.getTime() ?? Infinity), timeout]);
      if (result.outcome === 'unknown') this.counts.unknown[result.code] = (this.counts.unknown[result.code] ?? 0) + 1;
      return result;
    } finally {
      abort.abort();
    }
  }

  private readonly resent = (): void => {
    this.counts.resentAfterIdleReset++;
    this.deps.logger.info({ code: 'teams_resent_after_idle_reset' }, 'a send died on a kept-alive connection the connector had closed, unprocessed; sent once more on a new connection');
  };

  private async attempt(reference: ConversationReferenceJson, activity: Partial<Activity>, notAfter: number): Promise<SendResult> {
    let activityId: string | null = null;
    let late = false;
    // Teams' answer is caught where the request is made: it must reach the classification, never
    // the adapter's turn error handler (which would apologise and let the send count as delivered).
    const refusals: unknown[] = [];
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference as Partial<ConversationReference>, async (context) => {
        // The last moment before the request is built: past the slot, nothing is sent.
        if (this.deps.clock.now().getTime() > notAfter) {
          late = true;
          return;
        }
        if (!tuneConnectorClient(context, this.agents, this.resent) && !this.warnedAboutClient) {
          this.warnedAboutClient = true;
          this.deps.logger.warn({ code: 'teams_client_untuned' }, 'the Bot Connector client is not shaped as expected: it retries on its own (Teams budgets may be exceeded) and opens a connection per message');
        }
        try {
          activityId = (await context.sendActivity(activity))?.id ?? null;
        } catch (error) {
          refusals.push(error);
        }
      });
    } catch (error) {
      refusals.push(error);
    }
    if (refusals.length > 0) return classifySendError(refusals[0], this.deps.clock.now());
    return late ? { outcome: 'late' } : { outcome: 'sent', activityId };
  }
}
