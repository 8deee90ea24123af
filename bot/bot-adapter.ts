import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Clock } from '../src/ports/clock';
import type { Logger } from '../src/ports/logger';
import { CachedConnectorAuthentication } from './cached-connector-auth';
import { turnErrorHandler } from './turn-error';

export interface BotAdapterOptions {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  readonly tenantId: string;
  /** Where the keys that sign the channel's requests are published; null = the public cloud's. */
  readonly openIdMetadataUrl?: string | null;
  readonly logger: Logger;
  readonly clock: Clock;
}

/** botbuilder's CloudAdapter, with its turn entry open to our own endpoint (bot/bot-endpoint.ts). */
export class BotAdapter extends CloudAdapter {
  /** Authenticates the request's token and runs one turn; rejects when authentication fails. */
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * The product's one CloudAdapter, with its authentication and its turn error handler: user turns
 * (POST /api/messages) and proactive sends (the notifier) both go through it, so the error
 * handling a test exercises is the one users get.
 */
export function createBotAdapter(options: BotAdapterOptions): BotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: options.appPassword,
    // Without an app id the adapter runs unauthenticated (local development); the type must then not demand one.
    MicrosoftAppType: options.appId === '' ? 'MultiTenant' : options.appType,
    MicrosoftAppTenantId: options.tenantId,
    ...(options.openIdMetadataUrl ? publicCloudWith(options.openIdMetadataUrl) : {}),
  });
  const adapter = new BotAdapter(new CachedConnectorAuthentication(auth));
  adapter.onTurnError = turnErrorHandler(options.logger, options.clock);
  return adapter;
}

/**
 * The public cloud's settings with another OpenID metadata document: botbuilder takes the settings
 * as a whole once any one of them is given.
 */
function publicCloudWith(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
