import { formatMoment } from '../src/domain/i18n/format-date-time';
import { MAX_WRONG_CODES, normaliseActivationCode, normaliseAfasUserId } from '../src/domain/activation-rules';
import { TabApiError, type TabApi } from './api-client';
import type { AttemptView } from '../contracts/tab-api';
import { translate, translatePlural, type Language } from './i18n';
import type { TimerHandle, Timers } from './timers';
import type { ActivationHandlers, ActivationModel } from './views/activation-views';
import { failureText } from './views/failure-text';

export interface ActivationFlowDeps {
  readonly api: TabApi;
  readonly timers: Timers;
  readonly lang: () => Language;
  readonly now: () => Date;
  readonly show: (model: ActivationModel) => void;
  /** `null`: signed in with OAuth (AFAS names no user id). */
  readonly activated: (afasUserId: string | null) => void;
  /** Teams' authentication popup (OAuth sign-in); absent where the host has none. */
  readonly authenticate?: (url: string) => Promise<string>;
  /** Failures that are not about activation (sign-in to the tab itself). */
  readonly failed: (error: unknown) => void;
}

export interface ActivationStart {
  readonly reason: 'not_activated' | 'expired';
  /** A code already requested (another device, the bot, a reload): continue at the code step. */
  readonly attempt: AttemptView | null;
  /** Prefill for the AFAS user id: the Teams sign-in name. */
  readonly suggestedUserId: string;
  /** The connection signs in with AFAS OAuth instead of the e-mailed code. */
  readonly oauth?: boolean;
}

/**
 * The activation steps of the bot, in the tab: the same use cases behind the API, the same limits
 * (a code a minute, three wrong codes) and the same sentences. Text the user typed is checked
 * here first so that a typo does not cost an AFAS call.
 */
export class ActivationFlow implements ActivationHandlers {
  private model: ActivationModel;
  private resendTimer: TimerHandle | null = null;

  constructor(private readonly deps: ActivationFlowDeps, private readonly start: ActivationStart) {
    this.model = start.oauth ? { step: 'oauth', reason: start.reason, problem: null, busy: false } : start.attempt ? this.codeStep(start.attempt.afasUserId, parseDate(start.attempt.nextRequestAt)) : this.userStep(start.suggestedUserId, null);
  }

  begin(): void {
    this.show(this.model);
  }

  dispose(): void {
    if (this.resendTimer !== null) this.deps.timers.clear(this.resendTimer);
    this.resendTimer = null;
  }

  onSubmitUser(value: string): void {
    const lang = this.deps.lang();
    if (value.trim() === '') return this.show(this.userStep(value, translate(lang, 'activation.userIdRequired')));
    if (!normaliseAfasUserId(value)) return this.show(this.userStep(value, translate(lang, 'error.userIdInvalid')));
    this.show({ step: 'user', reason: this.start.reason, value, problem: null, busy: true });
    this.deps.api.requestCode(value.trim()).then(
      (sent) => this.show(this.codeStep(sent.afasUserId, parseDate(sent.nextRequestAt))),
      (error: unknown) => this.requestFailed(value, error),
    );
  }

  onSubmitCode(code: string): void {
    const lang = this.deps.lang();
    const current = this.model;
    if (current.step !== 'code') return;
    if (code.trim() === '') return this.show({ ...current, problem: translate(lang, 'activation.codeRequired'), resent: false });
    if (!normaliseActivationCode(code)) return this.show({ ...current, problem: translate(lang, 'activation.wrongFormat'), resent: false });
    this.show({ ...current, busy: true, problem: null });
    this.deps.api.confirmCode(code).then(
      (done) => {
        this.dispose();
        this.deps.activated(done.afasUserId);
      },
      (error: unknown) => this.confirmFailed(current, error),
    );
  }

  onResend(): void {
    const current = this.model;
    if (current.step !== 'code') return;
    this.show({ ...current, busy: true, problem: null });
    this.deps.api.resendCode().then(
      (sent) => this.show({ ...this.codeStep(sent.afasUserId, parseDate(sent.nextRequestAt)), resent: true }),
      (error: unknown) => {
        if (problemCode(error) === 'activation_throttled') {
          const retryAt = parseDate((error as TabApiError).problem.retryAt ?? null);
          return this.show({ ...this.codeStep(current.afasUserId, retryAt), problem: retryAt ? translate(this.deps.lang(), 'activation.throttled', { time: this.moment(retryAt) }) : null });
        }
        if (problemCode(error) === 'activation_not_started') return this.show(this.userStep(current.afasUserId, translate(this.deps.lang(), 'error.notStarted')));
        this.otherFailure(error, (problem) => this.show({ ...current, busy: false, problem }));
      },
    );
  }

  /** Begin (server), Teams' popup through AFAS, complete with this user's SSO token (server). */
  onOAuthSignIn(): void {
    const { api, authenticate } = this.deps;
    const lang = this.deps.lang();
    if (!api.beginOAuth || !api.completeOAuth || !authenticate) return;
    const complete = api.completeOAuth.bind(api);
    const failed = (problem: string) => this.show({ step: 'oauth', reason: this.start.reason, problem, busy: false });
    this.show({ step: 'oauth', reason: this.start.reason, problem: null, busy: true });
    api
      .beginOAuth()
      .then(async ({ startUrl }) => {
        const handle = await authenticate(startUrl).catch((error: unknown) => {
          // teams-js rejects with the popup's reason: CancelledByUser when it was closed, else what our callback page said.
          throw new SignInNotFinished(error instanceof Error && /cancel/i.test(error.message) ? 'oauth.tab.cancelled' : 'oauth.tab.failed');
        });
        return complete(handle);
      })
      .then(
        ({ linked }) => {
          if (!linked) return failed(translate(lang, 'oauth.tab.failed'));
          this.dispose();
          this.deps.activated(null);
        },
        (error: unknown) => (error instanceof SignInNotFinished ? failed(translate(lang, error.key)) : this.otherFailure(error, failed)),
      );
  }

  onOtherUser(): void {
    this.show(this.userStep(this.model.step === 'code' ? this.model.afasUserId : this.start.suggestedUserId, null));
  }

  onStartAgain(): void {
    this.show(this.userStep(this.start.suggestedUserId, null));
  }

  private requestFailed(value: string, error: unknown): void {
    const lang = this.deps.lang();
    const code = problemCode(error);
    if (code === 'activation_user_id_invalid') return this.show(this.userStep(value, translate(lang, 'error.userIdInvalid')));
    if (code === 'activation_throttled') {
      const problem = (error as TabApiError).problem;
      const retryAt = parseDate(problem.retryAt ?? null);
      // A code asked for moments ago can still be entered: no new mail, straight to the code.
      if (problem.codeStillUsable) return this.show(this.codeStep(value.trim(), retryAt));
      return this.show({ step: 'stopped', text: translate(lang, 'activation.waitBeforeRestart', { time: retryAt ? this.moment(retryAt) : '' }) });
    }
    this.otherFailure(error, (problem) => this.show(this.userStep(value, problem)));
  }

  private confirmFailed(current: Extract<ActivationModel, { step: 'code' }>, error: unknown): void {
    const lang = this.deps.lang();
    const code = problemCode(error);
    const problem = error instanceof TabApiError ? error.problem : null;
    if (code === 'activation_code_format') return this.show({ ...current, busy: false, resent: false, problem: translate(lang, 'activation.wrongFormat') });
    if (code === 'activation_code_rejected') {
      const reason = problem?.reason ? translate(lang, 'activation.wrongCode', { reason: problem.reason }) : translate(lang, 'activation.wrongCodeNoReason');
      const left = typeof problem?.attemptsLeft === 'number' ? ` ${translatePlural(lang, 'activation.attemptsLeft', problem.attemptsLeft)}` : '';
      return this.show({ ...current, busy: false, resent: false, problem: reason + left });
    }
    if (code === 'activation_too_many_attempts') return this.show({ step: 'stopped', text: translate(lang, 'activation.tooManyAttempts', { count: MAX_WRONG_CODES }) });
    if (code === 'activation_not_started') return this.show(this.userStep(current.afasUserId, translate(lang, 'error.notStarted')));
    this.otherFailure(error, (text) => this.show({ ...current, busy: false, resent: false, problem: text }));
  }

  /** AFAS down, no connection, offline: said in the form, which stays; sign-in problems go up. */
  private otherFailure(error: unknown, say: (problem: string) => void): void {
    const lang = this.deps.lang();
    if (!(error instanceof TabApiError) || error.status === 401) return this.deps.failed(error);
    if (error.problem.failure) return say(failureText(lang, error.problem.failure, this.deps.now()));
    say(translate(lang, error.status === 0 ? 'tab.offline' : 'error.generic'));
  }

  private userStep(value: string, problem: string | null): ActivationModel {
    return { step: 'user', reason: this.start.reason, value, problem, busy: false };
  }

  private codeStep(afasUserId: string, nextRequestAt: Date | null): Extract<ActivationModel, { step: 'code' }> {
    return { step: 'code', afasUserId, nextRequestAt, problem: null, resent: false, busy: false };
  }

  private show(model: ActivationModel): void {
    this.model = model;
    this.deps.show(model);
    this.scheduleResendUnlock(model);
  }

  /** Shows "Send a new code" again the moment it is allowed. */
  private scheduleResendUnlock(model: ActivationModel): void {
    if (this.resendTimer !== null) this.deps.timers.clear(this.resendTimer);
    this.resendTimer = null;
    if (model.step !== 'code' || model.nextRequestAt === null) return;
    const wait = model.nextRequestAt.getTime() - this.deps.now().getTime();
    if (wait > 0) this.resendTimer = this.deps.timers.set(() => this.show(this.model), wait + 50);
  }

  private moment(at: Date): string {
    return formatMoment(this.deps.lang(), at, this.deps.now());
  }
}

class SignInNotFinished extends Error {
  constructor(readonly key: 'oauth.tab.cancelled' | 'oauth.tab.failed') {
    super(key);
  }
}

function problemCode(error: unknown): string | null {
  return error instanceof TabApiError ? error.problem.code : null;
}

function parseDate(iso: string | null): Date | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
