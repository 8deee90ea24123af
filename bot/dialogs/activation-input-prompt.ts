import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseCommand } from '../commands';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { INPUT_IDS, VERBS } from '../cards/verbs';
import { botTurnOf } from '../turn-state';

/** What the user gave at an activation step: typed text, a card's input, or "resend". */
export type ActivationInput =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'resend' }
  | { readonly kind: 'none' };

export interface ActivationPromptOptions {
  readonly card: AdaptiveCard;
  /** What the step knows (JSON), handed to the validator. */
  readonly step?: Readonly<Record<string, unknown>>;
}

export type ActivationValidator = (dc: DialogContext, input: ActivationInput, options: ActivationPromptOptions) => Promise<string | null>;

/**
 * A prompt that, unlike botbuilder's, also listens to `adaptiveCard/action` invokes: the activation
 * cards use Action.Execute so the card with the typed code is replaced, not left in the chat.
 * The validator answers the user itself when it rejects (a card with the problem).
 */
export class ActivationInputPrompt extends Dialog<ActivationPromptOptions> {
  constructor(dialogId: string, private readonly validator: ActivationValidator) {
    super(dialogId);
  }

  override async beginDialog(dc: DialogContext, options?: ActivationPromptOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('ActivationInputPrompt needs a card');
    dc.activeDialog!.state.options = options;
    await botTurnOf(dc.context).replies.send(options.card);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const options = dc.activeDialog!.state.options as ActivationPromptOptions;
    const value = await this.validator(dc, recognise(dc.context), options);
    if (value !== null) return dc.endDialog(value);
    if (!dc.context.responded) await botTurnOf(dc.context).replies.send(options.card);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: { state: { options?: ActivationPromptOptions } }): Promise<void> {
    if (instance.state.options) await botTurnOf(context).replies.send(instance.state.options.card);
  }
}

function recognise(context: TurnContext): ActivationInput {
  const activity = context.activity;
  if (activity.type === ActivityTypes.Message) {
    if (parseCommand(activity.text) === 'resend') return { kind: 'resend' };
    const text = activity.text?.trim();
    return text ? { kind: 'value', value: text } : { kind: 'none' };
  }
  if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
    const action = (activity.value as { action?: { verb?: unknown; data?: Record<string, unknown> } } | undefined)?.action;
    if (action?.verb === VERBS.activationResend) return { kind: 'resend' };
    const data = action?.data ?? {};
    const raw = action?.verb === VERBS.activationSubmitCode ? data[INPUT_IDS.code] : action?.verb === VERBS.activationSubmitUser ? data[INPUT_IDS.afasUserId] : undefined;
    return typeof raw === 'string' && raw.trim() !== '' ? { kind: 'value', value: raw.trim() } : { kind: 'none' };
  }
  return { kind: 'none' };
}
