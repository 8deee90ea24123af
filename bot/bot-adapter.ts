import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Clock } from '../src/ports/clock';
import type { Logger } from '../src/ports/logger';
import { turnErrorHandler } from './turn-error';

export interface BotAdapterOptions {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  readonly tenantId: string;
  readonly logger: Logger;
  readonly clock: Clock;
}

/**
 * The product's one CloudAdapter, with its authentication and its turn error handler: user turns
 * (POST /api/messages) and proactive sends (the notifier) both go through it, so the error
 * handling a test exercises is the one users get.
 */
export function createBotAdapter(options: BotAdapterOptions): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: options.appPassword,
    // Without an app id the adapter runs unauthenticated (local development); the type must then not demand one.
    MicrosoftAppType: options.appId === '' ? 'MultiTenant' : options.appType,
    MicrosoftAppTenantId: options.tenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(options.logger, options.clock);
  return adapter;
}
