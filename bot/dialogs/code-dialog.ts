import { ComponentDialog, WaterfallDialog, type DialogContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normaliseActivationCode } from '../../src/domain/activation-rules';
import { isAfasError } from '../../src/domain/afas-error';
import { isAppError } from '../../src/domain/app-error';
import { translate } from '../../src/domain/i18n/translate';
import type { BotTurn } from '../bot-turn';
import { buildActivatedCard, buildActivationStoppedCard, buildCodeCard, type CodeProblem } from '../cards/activation-cards';
import { buildMessageCard } from '../cards/message-card';
import { replyWithFailure } from '../failure-reply';
import { botTurnOf } from '../turn-state';
import { showWorkList } from '../work-views';
import { ActivationInputPrompt, type ActivationInput, type ActivationPromptOptions } from './activation-input-prompt';

/** Dialog state must be JSON. When a new code may be requested is not kept here: the use case knows. */
export interface CodeStepOptions {
  readonly afasUserId: string;
  readonly problem?: CodeProblem | null;
  readonly attemptsLeft?: number | null;
}

const CODE_PROMPT = 'activationCodePrompt';
const STEPS = 'activationCodeSteps';

async function codeCard(turn: BotTurn, options: CodeStepOptions, after: 'resent' | 'throttled' | null = null) {
  const resendAvailableAt = await turn.services.requestActivationCode.nextRequestAt(turn.user);
  return buildCodeCard({ lang: turn.lang, afasUserId: options.afasUserId, now: turn.now, resendAvailableAt, problem: options.problem ?? null, attemptsLeft: options.attemptsLeft ?? null, resent: after === 'resent', throttled: after === 'throttled' });
}

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
    const o = step.options as CodeStepOptions;
    (step.values as { options: CodeStepOptions }).options = o;
    const card = await codeCard(botTurnOf(step.context), o);
    return step.beginDialog(CODE_PROMPT, { card, step: { ...o } } satisfies ActivationPromptOptions);
  }

  private async validate(dc: DialogContext, input: ActivationInput, options: ActivationPromptOptions): Promise<string | null> {
    const turn = botTurnOf(dc.context);
    const stepOptions = { ...(options.step as unknown as CodeStepOptions), problem: null, attemptsLeft: null };
    if (input.kind === 'resend') {
      try {
        await turn.services.requestActivationCode.resend(turn.user);
        await turn.replies.send(await codeCard(turn, stepOptions, 'resent'));
      } catch (error) {
        if (isAppError(error, 'activation_throttled')) await turn.replies.send(await codeCard(turn, stepOptions, 'throttled'));
        else if (!(await replyWithFailure(turn, error))) throw error;
      }
      return null;
    }
    if (input.kind === 'value' && normaliseActivationCode(input.value)) return input.value;
    await turn.replies.send(await codeCard(turn, { ...stepOptions, problem: { kind: 'wrongFormat' } }));
    return null;
  }

  private async confirm(step: WaterfallStepContext) {
    const turn = botTurnOf(step.context);
    const o = (step.values as { options: CodeStepOptions }).options;
    try {
      const activated = await turn.services.confirmActivationCode.execute(turn.user, step.result as string);
      const signals = await turn.services.listWorkItems.execute(turn.user, 'signal').catch(() => null);
      await turn.replies.send(
        buildActivatedCard({
          lang: turn.lang,
          afasUserId: activated.afasUserId,
          taskCount: activated.tasks.items.length,
          tasksAtLeast: activated.tasks.truncated,
          signalCount: signals?.items.length ?? 0,
          signalsAtLeast: signals?.truncated ?? false,
        }),
      );
      await showWorkList(turn, 'task').catch((error: unknown) => replyWithFailure(turn, error));
      return step.endDialog(true);
    } catch (error) {
      if (isAppError(error, 'activation_code_rejected')) {
        const reason = typeof error.details.externalMessage === 'string' ? error.details.externalMessage : null;
        const attemptsLeft = typeof error.details.attemptsLeft === 'number' ? error.details.attemptsLeft : null;
        return step.replaceDialog(STEPS, { ...o, problem: { kind: 'wrongCode', reason }, attemptsLeft } satisfies CodeStepOptions);
      }
      if (isAppError(error, 'activation_too_many_attempts')) {
        await turn.replies.send(buildActivationStoppedCard(turn.lang, 3));
        return step.endDialog(false);
      }
      if (isAppError(error, 'activation_not_started')) {
        await turn.replies.send(buildMessageCard({ text: translate(turn.lang, 'error.notStarted'), tone: 'warning' }));
        return step.endDialog(false);
      }
      if (!(await replyWithFailure(turn, error))) throw error;
      // AFAS was unreachable or in maintenance: the code was not used, so keep waiting for it.
      if (isAfasError(error, 'afas_unavailable') || isAfasError(error, 'afas_timeout') || isAfasError(error, 'afas_network')) {
        return step.replaceDialog(STEPS, { ...o, problem: null, attemptsLeft: null } satisfies CodeStepOptions);
      }
      return step.endDialog(false);
    }
  }
}
