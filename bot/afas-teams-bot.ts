import {
  ActivityTypes,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type ConversationState,
  type StatePropertyAccessor,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { BotServices, BotTurn } from './bot-turn';
import type { ActivationInUse } from '../src/ports/activation-store';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './cards/adaptive-card';
import { buildMessageCard } from './cards/message-card';
import { buildWelcomeCard } from './cards/welcome-card';
import { isVerb, parseVerbData, VERBS, type Verb } from './cards/verbs';
import { CardReplies } from './card-replies';
import { parseCommand, type Command } from './commands';
import { ActivationDialog, type ActivationOptions } from './dialogs/activation-dialog';
import { replyWithFailure } from './failure-reply';
import { answerUnrecognised, COMMAND_HANDLERS } from './handlers/command-handlers';
import { VERB_HANDLERS } from './handlers/verb-handlers';
import { completeOAuthSignIn, typedSignInCode } from './handlers/oauth-handlers';
import { offerOAuthSignIn } from './sign-in-offer';
import type { InboundDedupe } from './inbound-dedupe';
import { translate } from '../src/domain/i18n/translate';
import { AppError, isAppError } from '../src/domain/app-error';
import { attachBotTurn } from './turn-state';
import { languageFor, userKeyFromActivity } from './turn-user';
import { OncePerKey } from './once-per-key';
import { userKeyString } from '../src/domain/user-key';

/** Verbs a running activation dialog answers; everything else is handled the same with or without one. */
const DIALOG_VERBS: ReadonlySet<Verb> = new Set([VERBS.activationSubmitUser, VERBS.activationSubmitCode, VERBS.activationResend]);
const DIALOG_COMMANDS: ReadonlySet<Command | null> = new Set([null, 'resend']);
/** What may call AFAS: only users with access get that far (a running activation dialog calls AFAS too). */
const AFAS_COMMANDS: ReadonlySet<Command | null> = new Set(['tasks', 'signals', 'summary', 'activate']);
const AFAS_VERBS: ReadonlySet<Verb> = new Set([
  VERBS.listPage,
  VERBS.listRefresh,
  VERBS.summaryRefresh,
  VERBS.activationStart,
  VERBS.activationSubmitUser,
  VERBS.activationSubmitCode,
  VERBS.activationResend,
  VERBS.taskAct,
  VERBS.taskMore,
]);

/** A command button calls AFAS when its command does ("help" does not). */
function callsAfas(verb: Verb, data: unknown): boolean {
  if (verb !== VERBS.commandRun) return AFAS_VERBS.has(verb);
  const parsed = parseVerbData(verb, data);
  return parsed.ok && AFAS_COMMANDS.has(parsed.data.command);
}

/**
 * The Teams bot: welcomes on install, answers commands and card actions, runs the activation
 * dialog. Every conversation reference is stored for proactive messages.
 */
export class AfasTeamsBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  constructor(
    private readonly services: BotServices,
    private readonly conversationState: ConversationState,
    private readonly dedupe: InboundDedupe,
    private readonly welcomes: OncePerKey,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(new ActivationDialog());

    this.onMessage(async (context, next) => {
      const turn = await this.startTurn(context);
      await this.handleInput(turn, parseCommand(context.activity.text), null, undefined);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      // Removed from the user's Teams: no more proactive messages, and a reinstall welcomes again.
      const user = userKeyFromActivity(context.activity);
      await this.welcomes.reset(userKeyString(user));
      await this.services.conversations.setStatus(user, 'retired', this.services.clock.now());
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if ((context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id)) await this.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (!(await this.dedupe.firstTime(context.activity.id))) {
      this.services.logger.info({ activityId: context.activity.id, type: context.activity.type }, 'duplicate activity ignored');
      if (context.activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: messageResponse('') } });
      return;
    }
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }

  /** botbuilder reads `value.action.type` unchecked; a malformed card action gets a friendly card instead. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const action = (context.activity.value as { action?: unknown } | undefined)?.action;
    if (context.activity.name === 'adaptiveCard/action' && (typeof action !== 'object' || action === null)) {
      const turn = await this.startTurn(context);
      this.services.logger.warn({ activityId: context.activity.id }, 'card action without an action object');
      return { status: 200, body: cardResponse(buildMessageCard({ text: translate(turn.lang, 'error.staleAction'), tone: 'warning' })) };
    }
    return super.onInvokeActivity(context);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const turn = await this.startTurn(context);
    const verb = value.action?.verb;
    const work = isVerb(verb)
      ? this.handleInput(turn, null, verb, value.action.data)
      : turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.staleAction'), tone: 'warning' }));
    const finished = await withinBudget(work, this.services.invokeBudgetMs);
    if (!finished) {
      this.services.logger.warn({ verb, budgetMs: this.services.invokeBudgetMs }, 'card action took longer than Teams waits');
      work.catch((error: unknown) => this.services.logger.error({ verb, err: String(error) }, 'late card action failed'));
      return cardResponse(buildMessageCard({ text: translate(turn.lang, 'error.slow'), tone: 'warning' }));
    }
    const card = turn.replies.replacementCard;
    return card ? cardResponse(card) : messageResponse('');
  }

  private async handleInput(turn: BotTurn, command: Command | null, verb: Verb | null, data: unknown): Promise<void> {
    try {
      if (command === 'cancel' || verb === VERBS.activationCancel) return await COMMAND_HANDLERS.cancel(turn);
      // Dialog state is read only for input a running dialog could take: other turns cost no read.
      const dialogMayTakeIt = verb ? DIALOG_VERBS.has(verb) : DIALOG_COMMANDS.has(command);
      const dc = dialogMayTakeIt ? await this.dialogs.createContext(turn.context) : null;
      const dialogTakesIt = dc !== null && dc.activeDialog !== undefined;
      // A dialog may change the activation: its access check does not leave a read behind for later.
      if (dialogTakesIt) await this.requireAccess(turn, false);
      else if (verb ? callsAfas(verb, data) : AFAS_COMMANDS.has(command)) await this.requireAccess(turn, true);
      if (dc && dialogTakesIt) {
        await dc.continueDialog();
        return;
      }
      const signInCode = verb || command ? null : typedSignInCode(turn.context.activity.text);
      if (signInCode) {
        await this.requireAccess(turn, false);
        return await completeOAuthSignIn(turn, signInCode);
      }
      if (verb) {
        const parsed = parseVerbData(verb, data);
        if (!parsed.ok) {
          this.services.logger.warn({ verb, issues: parsed.issues }, 'card action with invalid data');
          await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.staleAction'), tone: 'warning' }));
          return;
        }
        await (VERB_HANDLERS[verb] as (d: unknown, t: BotTurn) => Promise<void>)(parsed.data, turn);
        return;
      }
      await (command ? COMMAND_HANDLERS[command](turn) : answerUnrecognised(turn));
    } catch (error) {
      if (!(await replyWithFailure(turn, error))) throw error;
    }
  }

  /** Turns away a user without access (ending any activation in progress) before AFAS is called. */
  private async requireAccess(turn: BotTurn, shareRead: boolean): Promise<void> {
    try {
      await this.services.checkAccess.require({ user: turn.user, upn: () => turn.userPrincipalName(), ...(shareRead ? { activation: () => turn.activationInUse() } : {}) });
    } catch (error) {
      if (isAppError(error, 'access_denied')) await turn.cancelDialogs();
      throw error;
    }
  }

  private async startTurn(context: TurnContext): Promise<BotTurn> {
    const { services } = this;
    const user = userKeyFromActivity(context.activity);
    const now = services.clock.now();
    // Without the activity it was taken from, the reference is the same turn after turn: stored once, not every turn.
    const { activityId: _taken, ...reference } = TurnContext.getConversationReference(context.activity);
    await services.conversations.save(user, reference, now);
    const lang = languageFor(context.activity, await services.preferences.get(user));
    const replies = new CardReplies(context);
    const dialogs = this.dialogs;
    let member: Promise<TeamsMember | null> | undefined;
    const teamsMember = () => (member ??= lookupMember(context));
    // Remembered until a dialog runs: the activation dialog may change the activation mid-turn.
    let inUse: Promise<ActivationInUse | null> | undefined;
    let dialogRan = false;
    const turn: BotTurn = {
      context,
      user,
      lang,
      now,
      replies,
      services,
      suggestedAfasUserId: async () => {
        const found = await teamsMember();
        return found?.email ?? found?.userPrincipalName ?? null;
      },
      userPrincipalName: async () => upnFromActivity(context.activity) ?? (await teamsMember())?.userPrincipalName ?? null,
      activationInUse: () => (dialogRan ? services.activations.getInUse(user) : (inUse ??= services.activations.getInUse(user))),
      async beginActivation(options: ActivationOptions = {}) {
        // A connection signing in with OAuth: one sign-in card replaces the e-mailed code's steps.
        if (await offerOAuthSignIn(turn)) return;
        dialogRan = true;
        const dc = await dialogs.createContext(context);
        await dc.cancelAllDialogs();
        const result = await dc.beginDialog(ActivationDialog.id, options);
        if (result.status === DialogTurnStatus.empty) throw new AppError('dialog_failed', 'activation dialog did not start');
      },
      async cancelDialogs() {
        const dc = await dialogs.createContext(context);
        const wasActive = dc.activeDialog !== undefined;
        await dc.cancelAllDialogs();
        return wasActive;
      },
    };
    attachBotTurn(context, turn);
    return turn;
  }

  private async welcome(context: TurnContext): Promise<void> {
    const turn = await this.startTurn(context);
    if (!(await this.welcomes.claim(userKeyString(turn.user)))) return;
    const activated = (await this.services.activations.get(turn.user))?.status === 'active';
    await turn.replies.send(buildWelcomeCard({ lang: turn.lang, activated }));
  }
}

function cardResponse(card: object): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as Record<string, unknown> };
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}

async function withinBudget(work: Promise<void>, budgetMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), budgetMs);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface TeamsMember {
  readonly email: string | null;
  readonly userPrincipalName: string | null;
}

/**
 * The user's e-mail and UPN from Teams' roster (to prefill the AFAS user id, and for access lists
 * by UPN); null if Teams does not answer quickly. Asked at most once per turn.
 */
async function lookupMember(context: TurnContext): Promise<TeamsMember | null> {
  if (context.activity.channelId !== 'msteams') return null;
  const lookup = TeamsInfo.getMember(context, context.activity.from.id).then(
    (m) => ({ email: m.email ?? null, userPrincipalName: m.userPrincipalName ?? null }),
    () => null,
  );
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000).unref());
  return Promise.race([lookup, timeout]);
}

/** Some clients put the UPN on the activity itself; Teams usually does not. */
function upnFromActivity(activity: Activity): string | null {
  const upn = (activity.from as { userPrincipalName?: unknown } | undefined)?.userPrincipalName;
  return typeof upn === 'string' && upn.trim() !== '' ? upn.trim() : null;
}
