import { ComponentDialog, WaterfallDialog, type DialogContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normaliseAfasUserId } from '../../src/domain/activation-rules';
import { isAppError } from '../../src/domain/app-error';
import { translate } from '../../src/domain/i18n/translate';
import { buildUserIdCard } from '../cards/activation-cards';
import { buildMessageCard } from '../cards/message-card';
import { replyWithFailure } from '../failure-reply';
import { botTurnOf } from '../turn-state';
import { ActivationInputPrompt, type ActivationInput, type ActivationPromptOptions } from './activation-input-prompt';
import { CodeDialog, type CodeStepOptions } from './code-dialog';

export interface ActivationOptions {
  /** Skips the question when the user id is already known (a card submitted outside the dialog). */
  readonly afasUserId?: string;
}

const USER_ID_PROMPT = 'activationUserIdPrompt';
const STEPS = 'activationSteps';

/**
 * Activation by the code AFAS e-mails: which AFAS user → AFAS is asked to mail a code → the code.
 * Talks only; the work happens in the RequestActivationCode and ConfirmActivationCode use cases,
 * which the tab calls too. State lives in the conversation state, so a restart resumes here.
 */
export class ActivationDialog extends ComponentDialog {
  static readonly id = 'activation';

  constructor() {
    super(ActivationDialog.id);
    this.addDialog(new ActivationInputPrompt(USER_ID_PROMPT, (dc, input) => this.validateUserId(dc, input)));
    this.addDialog(new CodeDialog());
    this.addDialog(new WaterfallDialog(STEPS, [(s) => this.askUserId(s), (s) => this.requestCode(s), (s) => s.endDialog(s.result)]));
    this.initialDialogId = STEPS;
  }

  private async askUserId(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as ActivationOptions;
    if (options.afasUserId) return step.next(options.afasUserId);
    const turn = botTurnOf(step.context);
    const card = buildUserIdCard({ lang: turn.lang, suggestedUserId: await turn.suggestedAfasUserId() });
    return step.beginDialog(USER_ID_PROMPT, { card } satisfies ActivationPromptOptions);
  }

  private async validateUserId(dc: DialogContext, input: ActivationInput): Promise<string | null> {
    if (input.kind === 'value' && normaliseAfasUserId(input.value)) return input.value;
    const turn = botTurnOf(dc.context);
    await turn.replies.send(buildMessageCard({ text: translate(turn.lang, input.kind === 'value' ? 'error.userIdInvalid' : 'activation.userIdRequired'), tone: 'warning' }));
    return null;
  }

  private async requestCode(step: WaterfallStepContext) {
    const turn = botTurnOf(step.context);
    const afasUserId = step.result as string;
    try {
      const requested = await turn.services.requestActivationCode.request(turn.user, afasUserId);
      return step.beginDialog(CodeDialog.id, { afasUserId: requested.afasUserId, resendAvailableAt: requested.nextRequestAt.toISOString() } satisfies CodeStepOptions);
    } catch (error) {
      if (isAppError(error, 'activation_throttled')) {
        // A code was requested moments ago: the user can still enter that one.
        return step.beginDialog(CodeDialog.id, { afasUserId, resendAvailableAt: String(error.details.retryAt) } satisfies CodeStepOptions);
      }
      if (isAppError(error, 'activation_user_id_invalid')) {
        await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.userIdInvalid'), tone: 'warning' }));
        return step.replaceDialog(STEPS, {});
      }
      if (await replyWithFailure(turn, error)) return step.endDialog(false);
      throw error;
    }
  }
}
