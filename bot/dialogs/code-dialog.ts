import { ComponentDialog, WaterfallDialog, type DialogContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normaliseActivationCode } from '../../src/domain/activation-rules';
import { isAppError } from '../../src/domain/app-error';
import { buildActivatedCard, buildActivationStoppedCard, buildCodeCard, type CodeProblem } from '../cards/activation-cards';
import { buildMessageCard } from '../cards/message-card';
import { translate } from '../../src/domain/i18n/translate';
import { replyWithFailure } from '../failure-reply';
import { botTurnOf } from '../turn-state';
import { showWorkList } from '../work-views';
import { ActivationInputPrompt, type ActivationInput, type ActivationPromptOptions } from './activation-input-prompt';

/** Dialog state must be JSON: dates travel as ISO strings. */
export interface CodeStepOptions {
  readonly afasUserId: string;
  readonly resendAvailableAt: string | null;
  readonly problem?: CodeProblem | null;
  readonly attemptsLeft?: number | null;
  readonly resent?: boolean;
}

const CODE_PROMPT = 'activationCodePrompt';
const STEPS = 'activationCodeSteps';

/**
 * Entering the e-mailed code: re-prompts without calling AFAS when the text cannot be a code,
 * handles "resend" within the limits, shows AFAS's reason for a wrong code, and stops after three.
 */
export class CodeDialog extends ComponentDialog {
  static readonly id = 'activationCode';

  constructor() {
    super(CodeDialog.id);
    this.addDialog(new ActivationInputPrompt(CODE_PROMPT, (dc, input, options) => this.validate(dc, input, options)));
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.ask(step), (step) => this.confirm(step)]));
    this.initialDialogId = STEPS;
  }

  private async ask(step: WaterfallStepContext) {
    const turn = botTurnOf(step.context);
    const o = step.options as CodeStepOptions;
    (step.values as { options: CodeStepOptions }).options = o;
    const card = buildCodeCard({ lang: turn.lang, afasUserId: o.afasUserId, now: turn.now, resendAvailableAt: o.resendAvailableAt ? new Date(o.resendAvailableAt) : null, problem: o.problem ?? null, attemptsLeft: o.attemptsLeft ?? null, resent: o.resent ?? false });
    return step.beginDialog(CODE_PROMPT, { card, step: { ...o } } satisfies ActivationPromptOptions);
  }

  private async validate(dc: DialogContext, input: ActivationInput, options: ActivationPromptOptions): Promise<string | null> {
    const turn = botTurnOf(dc.context);
    const stepOptions = options.step as CodeStepOptions | undefined;
    const afasUserId = stepOptions?.afasUserId ?? '';
    const codeCard = (extra: Partial<Parameters<typeof buildCodeCard>[0]>, resendAvailableAt: Date | null) =>
      buildCodeCard({ lang: turn.lang, afasUserId, now: turn.now, resendAvailableAt, ...extra });
    if (input.kind === 'resend') {
      try {
        const requested = await turn.services.requestActivationCode.resend(turn.user);
        await turn.replies.send(codeCard({ resent: true }, requested.nextRequestAt));
      } catch (error) {
        if (isAppError(error, 'activation_throttled')) {
          const retryAt = new Date(String(error.details.retryAt));
          await turn.replies.send(codeCard({}, retryAt));
        } else if (!(await replyWithFailure(turn, error))) throw error;
      }
      return null;
    }
    if (input.kind === 'value' && normaliseActivationCode(input.value)) return input.value;
    await turn.replies.send(codeCard({ problem: { kind: 'wrongFormat' } }, stepOptions?.resendAvailableAt ? new Date(stepOptions.resendAvailableAt) : null));
    return null;
  }

  private async confirm(step: WaterfallStepContext) {
    const turn = botTurnOf(step.context);
    const o = (step.values as { options: CodeStepOptions }).options;
    try {
      const activated = await turn.services.confirmActivationCode.execute(turn.user, step.result as string);
      const signals = await turn.services.listWorkItems.execute(turn.user, 'signal').then((s) => s.items.length, () => null);
      await turn.replies.send(buildActivatedCard({ lang: turn.lang, afasUserId: activated.afasUserId, taskCount: activated.tasks.items.length, signalCount: signals ?? 0 }));
      await showWorkList(turn, 'task').catch((error: unknown) => replyWithFailure(turn, error));
      return step.endDialog(true);
    } catch (error) {
      if (isAppError(error, 'activation_code_rejected')) {
        const reason = typeof error.details.externalMessage === 'string' ? error.details.externalMessage : null;
        const attemptsLeft = typeof error.details.attemptsLeft === 'number' ? error.details.attemptsLeft : null;
        return step.replaceDialog(STEPS, { ...o, problem: { kind: 'wrongCode', reason }, attemptsLeft, resent: false } satisfies CodeStepOptions);
      }
      if (isAppError(error, 'activation_too_many_attempts')) {
        await turn.replies.send(buildActivationStoppedCard(turn.lang, 3));
        return step.endDialog(false);
      }
      if (isAppError(error, 'activation_not_started')) {
        await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.notStarted'), tone: 'warning' }));
        return step.endDialog(false);
      }
      if (await replyWithFailure(turn, error)) return step.endDialog(false);
      throw error;
    }
  }
}
