import { ConversationState, type CloudAdapter, type Request, type Response } from 'botbuilder';
import type { StateStore } from '../src/ports/state-store';
import { AfasTeamsBot } from './afas-teams-bot';
import type { BotServices } from './bot-turn';
import { InboundDedupe } from './inbound-dedupe';
import { OncePerKey } from './once-per-key';
import { SqlBotStorage } from './state/sql-bot-storage';

export interface BotHostOptions {
  /** The product's adapter (`createBotAdapter`), with its authentication and turn error handler. */
  readonly adapter: CloudAdapter;
  readonly state: StateStore;
  readonly services: BotServices;
}

/** The Bot Framework side of POST /api/messages: the bot, with conversation state on our storage. */
export class BotHost {
  readonly adapter: CloudAdapter;
  private readonly bot: AfasTeamsBot;

  constructor(options: BotHostOptions) {
    this.adapter = options.adapter;
    const conversationState = new ConversationState(new SqlBotStorage(options.state));
    this.bot = new AfasTeamsBot(options.services, conversationState, new InboundDedupe(options.services.clock), new OncePerKey(options.state, 'welcomed'));
  }

  /** POST /api/messages. */
  process(req: Request, res: Response): Promise<void> {
    return this.adapter.process(req, res, (context) => this.bot.run(context));
  }
}
