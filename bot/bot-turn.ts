import type { TurnContext } from 'botbuilder';
import type { UserKey } from '../src/domain/user-key';
import type { Language } from '../src/domain/user-preferences';
import type { ActivationInUse, ActivationStore } from '../src/ports/activation-store';
import type { Clock } from '../src/ports/clock';
import type { ConversationStore } from '../src/ports/conversation-store';
import type { Logger } from '../src/ports/logger';
import type { PreferenceStore } from '../src/ports/preference-store';
import type { CheckAccess } from '../src/use-cases/check-access';
import type { ConfirmActivationCode } from '../src/use-cases/confirm-activation-code';
import type { DeactivateUser } from '../src/use-cases/deactivate-user';
import type { ActOnTask } from '../src/use-cases/act-on-task';
import type { ListTaskActions } from '../src/use-cases/list-task-actions';
import type { ListWorkItems } from '../src/use-cases/list-work-items';
import type { OAuthSignIn } from '../src/use-cases/oauth/oauth-sign-in';
import type { SignInStarts } from '../src/use-cases/oauth/sign-in-starts';
import type { OpenTracking } from '../src/use-cases/open-tracking';
import type { RequestActivationCode } from '../src/use-cases/request-activation-code';
import type { UpdatePreferences } from '../src/use-cases/update-preferences';
import type { CardReplies } from './card-replies';

/** What the bot needs from the rest of the product: use cases and stores, injected by main.ts. */
export interface BotServices {
  readonly listWorkItems: ListWorkItems;
  /** The AFAS actions of the tasks on a card (signed), and of one task for the task card. */
  readonly listTaskActions: ListTaskActions;
  /** Takes an action on a task (or sends a reaction) in AFAS. */
  readonly actOnTask: ActOnTask;
  readonly requestActivationCode: RequestActivationCode;
  readonly confirmActivationCode: ConfirmActivationCode;
  /** Whether the user signs in with AFAS OAuth instead of the e-mailed code, and the start links for it. */
  readonly signInStarts: SignInStarts;
  /** Completes an OAuth sign-in with the code typed into the user's own chat. */
  readonly oauthSignIn: OAuthSignIn;
  readonly deactivateUser: DeactivateUser;
  readonly updatePreferences: UpdatePreferences;
  /** Whether the user may use the app at all; asked before anything that calls AFAS. */
  readonly checkAccess: CheckAccess;
  readonly activations: ActivationStore;
  readonly conversations: ConversationStore;
  readonly preferences: PreferenceStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Deep link to the personal tab, when the app package is known; null before that. */
  readonly tabUrl: string | null;
  /**
   * Cards' "Open" links through our server, which remembers the open; items opened from Teams show
   * as read. Without it (not wired yet) "Open" leads straight to AFAS and nothing is remembered.
   */
  readonly openTracking?: OpenTracking;
  /** How long an invoke may wait for AFAS before it answers with a fallback card (Teams allows ~5 s). */
  readonly invokeBudgetMs: number;
}

/** One turn as the handlers see it. */
export interface BotTurn {
  readonly context: TurnContext;
  readonly user: UserKey;
  readonly lang: Language;
  readonly now: Date;
  readonly replies: CardReplies;
  readonly services: BotServices;
  /** The user's Teams e-mail/UPN, to prefill the AFAS user id (null when Teams does not say). */
  suggestedAfasUserId(): Promise<string | null>;
  /** The user's UPN from the activity or Teams' roster, asked once per turn (null when Teams does not say). */
  userPrincipalName(): Promise<string | null>;
  /**
   * The user's activation with token and connection (`ActivationStore.getInUse`), read once for the
   * access check and the lists of this turn. A turn that runs the activation dialog reads afresh.
   */
  activationInUse(): Promise<ActivationInUse | null>;
  /** Starts the activation dialog (replacing one in progress). */
  beginActivation(options?: { afasUserId?: string }): Promise<void>;
  /** Ends any dialog in progress. Returns whether one was active. */
  cancelDialogs(): Promise<boolean>;
}
