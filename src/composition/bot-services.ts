import type { BotServices } from '../../bot/bot-turn';
import type { Core } from './core';
import type { UseCases } from './use-cases';

export interface BotServiceOptions {
  /** How long an invoke may wait for AFAS before it answers with a fallback card (Teams allows ~5 s). */
  readonly invokeBudgetMs?: number;
  /** Deep link to the personal tab, when the app package is known. */
  readonly tabUrl?: string | null;
}

/** What the bot is given: the composed use cases and the stores it reads, nothing built here. */
export function composeBotServices(core: Core, useCases: UseCases, options: BotServiceOptions = {}): BotServices {
  const { storage, clock } = core;
  return {
    listWorkItems: useCases.listWorkItems,
    listTaskActions: useCases.listTaskActions,
    actOnTask: useCases.actOnTask,
    requestActivationCode: useCases.requestActivationCode,
    confirmActivationCode: useCases.confirmActivationCode,
    signInStarts: useCases.signInStarts,
    oauthSignIn: useCases.oauthSignIn,
    deactivateUser: useCases.deactivateUser,
    updatePreferences: useCases.updatePreferences,
    checkAccess: useCases.checkAccess,
    openTracking: useCases.openTracking,
    activations: storage.activations,
    conversations: storage.conversations,
    preferences: storage.preferences,
    clock,
    logger: core.logger.child({ component: 'bot' }),
    tabUrl: options.tabUrl ?? null,
    invokeBudgetMs: options.invokeBudgetMs ?? 4500,
  };
}
