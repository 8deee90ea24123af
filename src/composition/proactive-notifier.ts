import { createBotAdapter } from '../../bot/bot-adapter';
import { BotFrameworkNotifier } from '../../bot/proactive/bot-framework-notifier';
import type { Core } from './core';

/**
 * The product's proactive sender without a notification engine, for the CLI: the configured bot
 * credentials, the same adapter and notifier (and so the same classification of Teams' answers)
 * as the server's notification stack. `close` ends its kept-alive connections.
 */
export function composeProactiveNotifier(core: Core): BotFrameworkNotifier {
  const logger = core.logger.child({ component: 'notifier' });
  const adapter = createBotAdapter({ ...core.config.bot, clock: core.clock, logger: logger.child({ component: 'bot' }) });
  return new BotFrameworkNotifier({ adapter, appId: core.config.bot.appId, clock: core.clock, logger });
}
