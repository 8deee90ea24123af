import { ConversationState, type Request, type Response } from 'botbuilder';
import type { BotAdapter } from './bot-adapter';
import type { BotTokenVerifier } from '../src/ports/bot-token-verifier';
import type { ClaimStore } from '../src/ports/claim-store';
import type { StateStore } from '../src/ports/state-store';
import { AfasTeamsBot } from './afas-teams-bot';
import { BotEndpoint } from './bot-endpoint';
import type { BotServices } from './bot-turn';
import { InboundDedupe } from './inbound-dedupe';
import { OncePerKey } from './once-per-key';
import { SqlBotStorage } from './state/sql-bot-storage';

export interface BotHostOptions {
  /** The product's adapter (`createBotAdapter`), with its authentication and turn error handler. */
  readonly adapter: BotAdapter;
  readonly state: StateStore;
  readonly services: BotServices;
  /** Checks the channel's token of each request; null when MicrosoftAppId is empty (local development). */
  readonly verifier: BotTokenVerifier | null;
  /** Shared by the replicas (REDIS_URL): inbound de-duplication and the welcome-once claim; null = this process only. */
  readonly claims?: ClaimStore | null;
}

/** The Bot Framework side of POST /api/messages: the bot, with conversation state on our storage. */
export class BotHost {
  readonly adapter: BotAdapter;
  private readonly bot: AfasTeamsBot;
  private readonly endpoint: BotEndpoint;

  constructor(options: BotHostOptions) {
    this.adapter = options.adapter;
    this.endpoint = new BotEndpoint({ adapter: options.adapter, verifier: options.verifier, clock: options.services.clock, logger: options.services.logger });
    this.bot = createAfasTeamsBot(options.services, options.state, options.claims ?? null);
  }

  /** POST /api/messages: checked by the endpoint, then one turn of the bot. */
  process(req: Request, res: Response): Promise<void> {
    return this.endpoint.process(req, res, (context) => this.bot.run(context));
  }
}

/** The bot with its conversation state, inbound de-duplication and welcome memory on our storage. */
export function createAfasTeamsBot(services: BotServices, state: StateStore, claims: ClaimStore | null = null): AfasTeamsBot {
  const dedupe = new InboundDedupe(services.clock, undefined, undefined, claims);
  return new AfasTeamsBot(services, new ConversationState(new SqlBotStorage(state)), dedupe, new OncePerKey(state, 'welcomed', claims));
}
