import type { PlainMessageKey } from '../../src/domain/i18n/translate';
import { formatMoment } from '../../src/domain/i18n/format-date-time';
import { translate } from '../i18n';
import { el, type ViewContext } from './dom';
import { button } from './status-views';

export type ActivationModel =
  | { readonly step: 'user'; readonly reason: 'not_activated' | 'expired'; readonly value: string; readonly problem: string | null; readonly busy: boolean }
  | { readonly step: 'code'; readonly afasUserId: string; readonly nextRequestAt: Date | null; readonly problem: string | null; readonly resent: boolean; readonly busy: boolean }
  | { readonly step: 'stopped'; readonly text: string }
  /** The connection signs in with AFAS OAuth: one button opens Teams' authentication popup. */
  | { readonly step: 'oauth'; readonly reason: 'not_activated' | 'expired'; readonly problem: string | null; readonly busy: boolean };

export interface ActivationHandlers {
  onSubmitUser(value: string): void;
  onSubmitCode(code: string): void;
  onResend(): void;
  onOtherUser(): void;
  onStartAgain(): void;
  onOAuthSignIn(): void;
}

const NO_MAIL_REASONS: readonly PlainMessageKey[] = ['activation.noMail.spam', 'activation.noMail.noAddress', 'activation.noMail.userGroup', 'activation.noMail.blocked', 'activation.noMail.mailServer'];

/** Activation inside the tab: the bot's steps (which AFAS user, the e-mailed code), as a form. */
export function activationView(ctx: ViewContext, model: ActivationModel, handlers: ActivationHandlers): HTMLElement {
  const { doc, lang } = ctx;
  const body = model.step === 'user' ? userStep(ctx, model, handlers) : model.step === 'code' ? codeStep(ctx, model, handlers) : model.step === 'oauth' ? oauthStep(ctx, model, handlers) : stopped(ctx, model.text, handlers);
  return el(doc, 'section', { className: 'activation', attrs: { 'aria-labelledby': 'activation-title' } }, [el(doc, 'h1', { className: 'activation-title', text: translate(lang, 'activation.title'), attrs: { id: 'activation-title' } }), ...body]);
}

function userStep(ctx: ViewContext, model: Extract<ActivationModel, { step: 'user' }>, handlers: ActivationHandlers): Node[] {
  const { doc, lang } = ctx;
  const input = field(ctx, { id: 'afas-user-id', label: translate(lang, 'activation.userIdLabel'), placeholder: translate(lang, 'activation.userIdPlaceholder'), value: model.value, problem: model.problem, autocomplete: 'username', maxlength: '254' });
  return [
    el(doc, 'p', { text: translate(lang, model.reason === 'expired' ? 'error.expired' : 'notActivated.body') }),
    form(ctx, model.busy, () => handlers.onSubmitUser(input.input.value), [
      el(doc, 'p', { className: 'hint', text: translate(lang, 'activation.askUserId') }),
      ...input.nodes,
      el(doc, 'div', { className: 'actions' }, [submit(ctx, translate(lang, 'activation.sendCode'), model.busy)]),
    ]),
  ];
}

function codeStep(ctx: ViewContext, model: Extract<ActivationModel, { step: 'code' }>, handlers: ActivationHandlers): Node[] {
  const { doc, lang, now } = ctx;
  const resendAllowed = model.nextRequestAt === null || model.nextRequestAt.getTime() <= now.getTime();
  const input = field(ctx, { id: 'afas-code', label: translate(lang, 'activation.codeLabel'), placeholder: translate(lang, 'activation.codePlaceholder'), value: '', problem: model.problem, autocomplete: 'one-time-code', maxlength: '64', inputmode: 'numeric' });
  // aria-disabled rather than disabled: a disabled button drops the keyboard focus it had.
  const resendBlocked = !resendAllowed || model.busy;
  const resend = button(ctx, { label: translate(lang, 'activation.resend'), onClick: () => (resendBlocked ? undefined : handlers.onResend()), focusKey: 'resend' });
  if (resendBlocked) resend.setAttribute('aria-disabled', 'true');
  return [
    model.resent ? el(doc, 'p', { className: 'notice-good', text: translate(lang, 'activation.resent'), attrs: { role: 'status' } }) : null,
    el(doc, 'p', { text: translate(lang, 'activation.codeRequested', { userId: model.afasUserId }) }),
    form(ctx, model.busy, () => handlers.onSubmitCode(input.input.value), [
      ...input.nodes,
      el(doc, 'div', { className: 'actions' }, [
        submit(ctx, translate(lang, 'activation.submitCode'), model.busy),
        resend,
        button(ctx, { label: translate(lang, 'tab.activation.otherUser'), onClick: () => handlers.onOtherUser(), focusKey: 'other-user' }),
      ]),
      !resendAllowed && model.nextRequestAt ? el(doc, 'p', { className: 'hint', text: translate(lang, 'activation.resendAt', { time: formatMoment(lang, model.nextRequestAt, now) }) }) : null,
    ]),
    el(doc, 'details', { className: 'no-mail' }, [
      el(doc, 'summary', { text: translate(lang, 'activation.noMail.title') }),
      el(doc, 'ul', {}, NO_MAIL_REASONS.map((key) => el(doc, 'li', { text: translate(lang, key) }))),
      el(doc, 'p', { className: 'hint', text: translate(lang, 'activation.noMail.admin') }),
    ]),
  ].filter((n): n is NonNullable<typeof n> => n !== null);
}

function oauthStep(ctx: ViewContext, model: Extract<ActivationModel, { step: 'oauth' }>, handlers: ActivationHandlers): Node[] {
  const { doc, lang } = ctx;
  const signIn = button(ctx, { label: translate(lang, 'oauth.tab.button'), onClick: () => (model.busy ? undefined : handlers.onOAuthSignIn()), primary: true, focusKey: 'oauth-sign-in' });
  if (model.busy) signIn.setAttribute('aria-disabled', 'true');
  return [
    el(doc, 'p', { text: translate(lang, model.reason === 'expired' ? 'oauth.card.expired' : 'oauth.tab.intro') }),
    model.problem ? el(doc, 'p', { className: 'problem', text: model.problem, attrs: { role: 'alert' } }) : null,
    el(doc, 'div', { className: 'actions' }, [signIn]),
  ].filter((n): n is NonNullable<typeof n> => n !== null);
}

function stopped(ctx: ViewContext, text: string, handlers: ActivationHandlers): Node[] {
  return [
    el(ctx.doc, 'p', { className: 'problem', text, attrs: { role: 'alert' } }),
    el(ctx.doc, 'div', { className: 'actions' }, [button(ctx, { label: translate(ctx.lang, 'activation.startAgain'), onClick: () => handlers.onStartAgain(), primary: true, focusKey: 'start-again' })]),
  ];
}

interface FieldSpec {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly problem: string | null;
  readonly autocomplete: string;
  readonly maxlength: string;
  readonly inputmode?: string;
}

/** A labelled text box with its problem sentence tied to it for screen readers. */
function field(ctx: ViewContext, spec: FieldSpec): { input: HTMLInputElement; nodes: Node[] } {
  const { doc } = ctx;
  const problemId = `${spec.id}-problem`;
  const input = el(doc, 'input', {
    className: 'text-input',
    attrs: {
      id: spec.id,
      name: spec.id,
      type: 'text',
      autocomplete: spec.autocomplete,
      inputmode: spec.inputmode,
      spellcheck: 'false',
      maxlength: spec.maxlength,
      placeholder: spec.placeholder,
      'aria-invalid': spec.problem ? 'true' : null,
      'aria-describedby': spec.problem ? problemId : null,
      'data-focus-key': spec.id,
    },
  });
  input.value = spec.value;
  const label = el(doc, 'label', { className: 'label', text: spec.label, attrs: { for: spec.id } });
  const problem = spec.problem ? el(doc, 'p', { className: 'problem', text: spec.problem, attrs: { id: problemId, role: 'alert' } }) : null;
  return { input, nodes: [label, input, ...(problem ? [problem] : [])] };
}

function form(ctx: ViewContext, busy: boolean, onSubmit: () => void, children: readonly (Node | null)[]): HTMLFormElement {
  return el(ctx.doc, 'form', {
    className: 'form',
    attrs: { novalidate: '', 'aria-busy': String(busy) },
    on: {
      submit: (event) => {
        event.preventDefault();
        if (!busy) onSubmit();
      },
    },
  }, children);
}

function submit(ctx: ViewContext, label: string, busy: boolean): HTMLButtonElement {
  return el(ctx.doc, 'button', { className: 'btn btn-primary', text: label, attrs: { type: 'submit', 'data-focus-key': 'submit', 'aria-disabled': busy ? 'true' : null } });
}
