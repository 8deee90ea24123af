import { ComponentDialog, WaterfallDialog, type DialogContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normaliseAfasUserId } from '../../src/domain/activation-rules';
import { isAppError } from '../../src/domain/app-error';
import { translate } from '../../src/domain/i18n/translate';
import { buildUserIdCard } from '../cards/activation-cards';
import { executeAction } from '../cards/card-actions';
import { buildMessageCard } from '../cards/message-card';
import { VERBS } from '../cards/verbs';
import { formatMoment } from '../../src/domain/i18n/format-date-time';
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
    const typed = input.kind === 'value' ? input.value : null;
    await turn.replies.send(buildUserIdCard({ lang: turn.lang, suggestedUserId: typed ?? (await turn.suggestedAfasUserId()), problem: typed === null ? 'required' : 'invalid' }));
    return null;
  }

  private async requestCode(step: WaterfallStepContext) {
    const turn = botTurnOf(step.context);
    const afasUserId = step.result as string;
    try {
      const requested = await turn.services.requestActivationCode.request(turn.user, afasUserId);
      return step.beginDialog(CodeDialog.id, { afasUserId: requested.afasUserId } satisfies CodeStepOptions);
    } catch (error) {
      if (isAppError(error, 'activation_throttled') && error.details.codeStillUsable === true) {
        // A code was requested moments ago and may still be entered: no new mail, the same code card.
        return step.beginDialog(CodeDialog.id, { afasUserId } satisfies CodeStepOptions);
      }
      if (isAppError(error, 'activation_throttled')) {
        const time = formatMoment(turn.lang, new Date(String(error.details.retryAt)), turn.now);
        await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'activation.waitBeforeRestart', { time }), tone: 'warning', actions: [executeAction(VERBS.activationStart, translate(turn.lang, 'activation.startAgain'), {})] }));
        return step.endDialog(false);
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
