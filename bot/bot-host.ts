import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  TurnContext,
  type Activity,
  type ConversationReference,
  type Request,
  type Response,
} from 'botbuilder';
import { translate } from '../src/domain/i18n/translate';
import { languageFromLocale } from '../src/domain/i18n/translate';
import type { Logger } from '../src/ports/logger';
import type { StateStore } from '../src/ports/state-store';
import { AfasTeamsBot } from './afas-teams-bot';
import type { BotServices } from './bot-turn';
import { InboundDedupe } from './inbound-dedupe';
import { OncePerKey } from './once-per-key';
import { SqlBotStorage } from './state/sql-bot-storage';

export interface BotHostOptions {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  readonly tenantId: string;
  readonly state: StateStore;
  readonly services: BotServices;
}

/**
 * The Bot Framework side: CloudAdapter with its authentication, conversation state on our storage,
 * and the one catch-all for a turn that failed unexpectedly.
 */
export class BotHost {
  readonly adapter: CloudAdapter;
  private readonly bot: AfasTeamsBot;
  private readonly logger: Logger;

  constructor(private readonly options: BotHostOptions) {
    this.logger = options.services.logger;
    const auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: options.appId,
      MicrosoftAppPassword: options.appPassword,
      // Without an app id the adapter runs unauthenticated (local development); the type must then not demand one.
      MicrosoftAppType: options.appId === '' ? 'MultiTenant' : options.appType,
      MicrosoftAppTenantId: options.tenantId,
    });
    this.adapter = new CloudAdapter(auth);
    this.adapter.onTurnError = (context, error) => this.onTurnError(context, error);
    const conversationState = new ConversationState(new SqlBotStorage(options.state));
    this.bot = new AfasTeamsBot(options.services, conversationState, new InboundDedupe(options.services.clock), new OncePerKey(options.state, 'welcomed'));
  }

  /** POST /api/messages. */
  process(req: Request, res: Response): Promise<void> {
    return this.adapter.process(req, res, (context) => this.bot.run(context));
  }

  /** Sends into a stored conversation (proactive messages). */
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.options.appId, reference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  }

  private async onTurnError(context: TurnContext, error: Error): Promise<void> {
    const activity = context.activity;
    const code = (error as { code?: unknown }).code;
    this.logger.error(
      { code: typeof code === 'string' ? code : 'bot_turn_failed', activityId: activity.id, type: activity.type, conversationId: activity.conversation?.id, tenantId: activity.conversation?.tenantId, err: error.message },
      'bot turn failed',
    );
    try {
      await context.sendActivity(translate(languageFromLocale(activity.locale ?? undefined), 'error.generic'));
    } catch (sendError) {
      this.logger.error({ activityId: activity.id, err: sendError instanceof Error ? sendError.message : String(sendError) }, 'could not apologise to the user');
    }
  }
}
