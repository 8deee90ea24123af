import { formatMoment } from '../../src/domain/i18n/format-date-time';
import { translate, translatePlural, type PlainMessageKey } from '../../src/domain/i18n/translate';
import type { Language } from '../../src/domain/user-preferences';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement, type InputText } from './adaptive-card';
import { commandAction, executeAction } from './card-actions';
import { countPhrase } from './list-lines';
import { buildMessageCard } from './message-card';
import { heading, paragraph } from './rich-text';
import { INPUT_IDS, VERBS } from './verbs';

/*
 * The activation flow's cards. All buttons are Action.Execute: the bot answers each with the next
 * card, which replaces the current one, so the typed code does not stay visible in the chat and a
 * finished flow cannot be submitted twice. Cancel and Resend send no inputs.
 */

const NO_MAIL_REASONS: readonly PlainMessageKey[] = [
  'activation.noMail.spam',
  'activation.noMail.noAddress',
  'activation.noMail.userGroup',
  'activation.noMail.blocked',
  'activation.noMail.mailServer',
];

function cancelAction(lang: Language): CardAction {
  return executeAction(VERBS.activationCancel, translate(lang, 'activation.cancel'), {}, { associatedInputs: 'none' });
}

export interface UserIdCardInput {
  readonly lang: Language;
  /** Prefill: the user's Teams e-mail/UPN, or what they typed before. */
  readonly suggestedUserId?: string | null;
  /** Why the previous answer was not taken: not a user id, or nothing entered. */
  readonly problem?: 'invalid' | 'required' | null;
}

/** Step 1: which AFAS user (e-mail address or user code such as 12345.jdoe). */
export function buildUserIdCard(input: UserIdCardInput): AdaptiveCard {
  const { lang } = input;
  const userId: InputText = {
    type: 'Input.Text',
    id: INPUT_IDS.afasUserId,
    label: translate(lang, 'activation.userIdLabel'),
    placeholder: translate(lang, 'activation.userIdPlaceholder'),
    isRequired: true,
    errorMessage: translate(lang, 'activation.userIdRequired'),
    maxLength: 254,
    ...(input.suggestedUserId ? { value: input.suggestedUserId.trim().slice(0, 254) } : {}),
  };
  return adaptiveCard(
    [
      heading(translate(lang, 'activation.title')),
      paragraph(translate(lang, 'activation.askUserId'), {}, { spacing: 'small' }),
      ...(input.problem ? [paragraph(translate(lang, input.problem === 'invalid' ? 'error.userIdInvalid' : 'activation.userIdRequired'), { weight: 'bolder' })] : []),
      userId,
    ],
    [executeAction(VERBS.activationSubmitUser, translate(lang, 'activation.sendCode'), {}, { style: 'positive' }), cancelAction(lang)],
  );
}

/** Why the previous code was not accepted. `reason` is AFAS's own sentence, shown as literal text. */
export type CodeProblem = { readonly kind: 'wrongFormat' } | { readonly kind: 'wrongCode'; readonly reason: string | null };

export interface CodeCardInput {
  readonly lang: Language;
  /** As the user typed it; shown so they can spot a typo. */
  readonly afasUserId: string;
  readonly now: Date;
  /** Null: a new code may be requested now. */
  readonly resendAvailableAt: Date | null;
  readonly problem?: CodeProblem | null;
  /** Shown after a wrong code. */
  readonly attemptsLeft?: number | null;
  /** True right after "Send a new code". */
  readonly resent?: boolean;
  /** True when "Send a new code" was pressed before `resendAvailableAt`: the time stands out. */
  readonly throttled?: boolean;
}

function problemLines(input: CodeCardInput): CardElement[] {
  const { lang, problem } = input;
  if (!problem) return [];
  const lines: string[] = [];
  if (problem.kind === 'wrongFormat') lines.push(translate(lang, 'activation.wrongFormat'));
  else lines.push(problem.reason ? translate(lang, 'activation.wrongCode', { reason: problem.reason }) : translate(lang, 'activation.wrongCodeNoReason'));
  if (input.attemptsLeft !== undefined && input.attemptsLeft !== null) lines.push(translatePlural(lang, 'activation.attemptsLeft', input.attemptsLeft));
  return [paragraph(lines.join(' '), { weight: 'bolder' })];
}

/** Step 2: the code from AFAS's e-mail, what to do when none arrives, resend when allowed. */
export function buildCodeCard(input: CodeCardInput): AdaptiveCard {
  const { lang, now } = input;
  const resendAllowed = input.resendAvailableAt === null || input.resendAvailableAt.getTime() <= now.getTime();
  const code: InputText = {
    type: 'Input.Text',
    id: INPUT_IDS.code,
    label: translate(lang, 'activation.codeLabel'),
    placeholder: translate(lang, 'activation.codePlaceholder'),
    isRequired: true,
    errorMessage: translate(lang, 'activation.codeRequired'),
    maxLength: 64,
  };
  const body: CardElement[] = [heading(translate(lang, 'activation.title'))];
  if (input.resent) body.push(paragraph(translate(lang, 'activation.resent'), { weight: 'bolder' }, { spacing: 'small' }));
  body.push(
    paragraph(translate(lang, 'activation.codeRequested', { userId: input.afasUserId }), {}, { spacing: 'small' }),
    ...problemLines(input),
    code,
    paragraph(translate(lang, 'activation.noMail.title'), { weight: 'bolder', size: 'small' }, { spacing: 'large' }),
    ...NO_MAIL_REASONS.map((key) => paragraph(`• ${translate(lang, key)}`, { isSubtle: true, size: 'small' }, { spacing: 'none' })),
    paragraph(translate(lang, 'activation.noMail.admin'), { isSubtle: true, size: 'small' }, { spacing: 'small' }),
  );
  if (!resendAllowed && input.resendAvailableAt !== null) {
    const time = formatMoment(lang, input.resendAvailableAt, now);
    body.push(paragraph(translate(lang, 'activation.resendAt', { time }), input.throttled ? { weight: 'bolder' } : { isSubtle: true, size: 'small' }));
  }
  // Always offered: the card stays in the chat after the time has come, and a press before it is
  // answered with the time still to wait.
  const actions: CardAction[] = [
    executeAction(VERBS.activationSubmitCode, translate(lang, 'activation.submitCode'), {}, { style: 'positive' }),
    executeAction(VERBS.activationResend, translate(lang, 'activation.resend'), {}, { associatedInputs: 'none' }),
    cancelAction(lang),
  ];
  return adaptiveCard(body, actions);
}

/** After too many wrong codes: the flow is over; "Start again" requests a new code from the beginning. */
export function buildActivationStoppedCard(lang: Language, wrongAttempts: number): AdaptiveCard {
  return buildMessageCard({
    text: translate(lang, 'activation.tooManyAttempts', { count: wrongAttempts }),
    tone: 'warning',
    actions: [executeAction(VERBS.activationStart, translate(lang, 'activation.startAgain'), {}, { style: 'positive' })],
  });
}

export function buildActivationCancelledCard(lang: Language): AdaptiveCard {
  return buildMessageCard({ text: translate(lang, 'activation.cancelled') });
}

export interface ActivatedCardInput {
  readonly lang: Language;
  readonly afasUserId: string;
  readonly taskCount: number;
  readonly signalCount: number;
  /** AFAS holds more than were read (the row cap): the count is a lower bound ("500+ open tasks"). */
  readonly tasksAtLeast?: boolean;
  readonly signalsAtLeast?: boolean;
}

/** Success, with what is waiting: "Right now you have 7 open tasks and 1 signal." */
export function buildActivatedCard(input: ActivatedCardInput): AdaptiveCard {
  const { lang } = input;
  return buildMessageCard({
    text: translate(lang, 'activation.success', { userId: input.afasUserId }),
    tone: 'success',
    details: [
      translate(lang, 'activation.successCounts', { tasks: countPhrase(lang, 'task', input.taskCount, input.tasksAtLeast), signals: countPhrase(lang, 'signal', input.signalCount, input.signalsAtLeast) }),
      translate(lang, 'activation.successNext'),
    ],
    actions: [
      commandAction(translate(lang, 'list.tasks.title'), 'tasks'),
      commandAction(translate(lang, 'list.signals.title'), 'signals'),
    ],
  });
}
