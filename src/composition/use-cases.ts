import { OAuthSignIn } from '../use-cases/oauth/oauth-sign-in';
import { SignInStarts } from '../use-cases/oauth/sign-in-starts';
import { randomBytes } from 'node:crypto';
import type { NotificationWakeUp } from '../ports/notification-wake-up';
import { HmacLinkSigner } from '../secrets/hmac-link-signer';
import { ActOnTask } from '../use-cases/act-on-task';
import { ActivationAttempts } from '../use-cases/activation-attempts';
import { createAdminServices, type AdminServices } from '../use-cases/admin/admin-services';
import { INVITE_LINK_LIFETIME_MS } from '../use-cases/admin/invite-classic-users';
import type { Notifier } from '../ports/notifier';
import { CheckAccess } from '../use-cases/check-access';
import { ConfirmActivationCode } from '../use-cases/confirm-activation-code';
import { DeactivateUser } from '../use-cases/deactivate-user';
import { GetActivationStatus } from '../use-cases/get-activation-status';
import { GetTile } from '../use-cases/get-tile';
import { ListTaskActions } from '../use-cases/list-task-actions';
import { ListWorkItems } from '../use-cases/list-work-items';
import type { OpenTracking } from '../use-cases/open-tracking';
import { OpenedItems } from '../use-cases/opened-items';
import { ProactiveTaskCards } from '../use-cases/proactive-task-cards';
import { RequestActivationCode } from '../use-cases/request-activation-code';
import { SentTaskCards } from '../use-cases/sent-task-cards';
import { SetFirstList } from '../use-cases/set-first-list';
import { TaskActionBook } from '../use-cases/task-action-book';
import { TaskActionSignature } from '../use-cases/task-action-signature';
import { UpdatePreferences } from '../use-cases/update-preferences';
import type { TaskCardUpdater } from '../ports/task-card-updater';
import type { Core } from './core';
import { composeOpenTracking } from './open-tracking';

/** Every use case of the bot, the tab and the admin, built once over the core. */
export interface UseCases {
  readonly attempts: ActivationAttempts;
  readonly listWorkItems: ListWorkItems;
  readonly checkAccess: CheckAccess;
  readonly requestActivationCode: RequestActivationCode;
  readonly confirmActivationCode: ConfirmActivationCode;
  readonly deactivateUser: DeactivateUser;
  readonly updatePreferences: UpdatePreferences;
  readonly getActivationStatus: GetActivationStatus;
  readonly getTile: GetTile;
  readonly setFirstList: SetFirstList;
  readonly opened: OpenedItems;
  /** Cards' "Open" links through our server (signed with a key derived from the encryption key). */
  readonly openTracking: OpenTracking;
  /** New-task cards with actions; their activity ids, and updating them after an act elsewhere. */
  readonly taskCards: ProactiveTaskCards;
  readonly admin: AdminServices;
  /** The AFAS actions for a page of tasks (two GetConnector calls), offered by signed reference. */
  readonly listTaskActions: ListTaskActions;
  /** Takes an offered action (or posts a comment) in AFAS: one POST per click, audited. */
  readonly actOnTask: ActOnTask;
  /** Sign-in with AFAS OAuth (authorization code + PKCE), bound to the Teams user who asked. */
  readonly oauthSignIn: OAuthSignIn;
  /** Whether a user signs in with OAuth, and the signed start links Teams opens for it. */
  readonly signInStarts: SignInStarts;
}

export interface UseCaseDeps {
  /** Polls a user at once after activation (the notification engine; a no-op where none runs). */
  readonly notifications: NotificationWakeUp;
  /** A short random suffix for new connection ids. */
  readonly newId?: () => string;
  /** Updates sent task cards (the notification stack's, bound later); absent: cards are not updated. */
  readonly cardUpdater?: TaskCardUpdater;
  /** Sends the admin's OAuth invitations (the notification stack's notifier, bound later); absent: none is reached. */
  readonly notifier?: Notifier;
}

/** The only place the bot's, the tab's and the admin's use cases are built. */
export function buildUseCases(core: Core, deps: UseCaseDeps): UseCases {
  const { config, storage, afas, source, clock, encryptionKey } = core;
  const { connections, activations, accessRules, owners, preferences, state } = storage;
  const attempts = new ActivationAttempts(state);
  const listWorkItems = new ListWorkItems({ activations, source, clock });
  const opened = new OpenedItems({ state, clock });
  const actionLogger = core.logger.child({ component: 'task-actions' });
  const signature = new TaskActionSignature(new HmacLinkSigner(encryptionKey, 'task-actions'));
  const listTaskActions = new ListTaskActions({ activations, connections, source: core.taskWorkflows, signature, logger: actionLogger });
  const taskCards = new ProactiveTaskCards({
    actions: listTaskActions,
    cards: new SentTaskCards(state),
    conversations: storage.conversations,
    updater: deps.cardUpdater ?? { update: async () => ({ outcome: 'failed', status: null, code: 'no_card_updater' }) },
    clock,
    logger: actionLogger,
  });
  const oauthSignIn = new OAuthSignIn({
    signIns: storage.signIns,
    tokens: storage.oauthTokens,
    connections,
    connectionOAuth: storage.connectionOAuth,
    oauth: core.afasOAuth,
    clock,
    publicUrl: config.publicUrl,
    notifications: deps.notifications,
  });
  const signInStarts = new SignInStarts({ activations, connections, connectionOAuth: storage.connectionOAuth, signIn: oauthSignIn, signer: new HmacLinkSigner(encryptionKey, 'oauth-start'), clock, publicUrl: config.publicUrl });
  return {
    attempts,
    listWorkItems,
    checkAccess: new CheckAccess({ connections, activations, accessRules, owners, homeTenantId: config.bot.tenantId }),
    requestActivationCode: new RequestActivationCode({ connections, attempts, afas, clock }),
    confirmActivationCode: new ConfirmActivationCode({ connections, activations, attempts, afas, listWorkItems, clock, notifications: deps.notifications }),
    deactivateUser: new DeactivateUser({ activations, attempts }),
    updatePreferences: new UpdatePreferences({ preferences, clock }),
    getActivationStatus: new GetActivationStatus({ activations, attempts, clock }),
    getTile: new GetTile({ listWorkItems, preferences, opened }),
    setFirstList: new SetFirstList({ preferences, clock }),
    opened,
    openTracking: composeOpenTracking({ encryptionKey, publicUrl: config.publicUrl, opened }),
    taskCards,
    admin: createAdminServices({
      storage,
      afas,
      clock,
      newId: deps.newId ?? (() => randomBytes(3).toString('hex')),
      homeTenantId: config.bot.tenantId,
      allowedBaseUrls: config.afasAllowedBaseUrls,
      publicUrl: config.publicUrl,
      notifier: deps.notifier ?? { send: async () => ({ outcome: 'failed', status: null, code: 'no_notifier' }) },
      startLink: (user, connection) => signInStarts.linkFor(user, connection, 'bot', INVITE_LINK_LIFETIME_MS),
    }),
    listTaskActions,
    actOnTask: new ActOnTask({
      activations,
      connections,
      source: core.taskWorkflows,
      book: new TaskActionBook(state),
      signature,
      audit: storage.audit,
      clock,
      logger: actionLogger,
      cards: taskCards,
    }),
    oauthSignIn,
    signInStarts,
  };
}
