import type { Logger } from '../src/ports/logger';
import { composeActivationMail } from './activation-mail';
import type { Mailbox } from './mailbox';
import type { OtpStore } from './otp-store';
import { refusals } from './sandbox-http-error';
import type { TokenStore } from './token-store';
import type { SandboxUser, UserDirectory } from './user-directory';

export interface OtpRequestBody {
  readonly apiKey: string;
  readonly apiToken: string;
  readonly userId: string;
}

export interface OtpValidationBody extends OtpRequestBody {
  readonly otp: string;
}

export interface OtpServiceSettings {
  readonly apiKey: string;
  readonly environmentKey: string;
  readonly autoProvisionUsers: boolean;
  readonly otpValidityMs: number;
  readonly appName: string;
  readonly environment: string;
}

/** AFAS's activation by one-time code: request (mail a code) and validation (code for a token). */
export class OtpService {
  constructor(
    private readonly directory: UserDirectory,
    private readonly otps: OtpStore,
    private readonly tokens: TokenStore,
    private readonly mailbox: Mailbox,
    private readonly settings: OtpServiceSettings,
    private readonly logger: Logger,
  ) {}

  /**
   * Mails a code when the keys are right and the user exists (or may be provisioned); otherwise
   * does nothing, silently, as AFAS does. Returns the user that got mail, for the request log.
   */
  request(body: OtpRequestBody): SandboxUser | null {
    if (!this.keysMatch(body)) {
      this.logger.debug({ reason: 'wrong_keys' }, 'sandbox otp request ignored');
      return null;
    }
    const user = this.directory.find(body.userId) ?? (this.settings.autoProvisionUsers ? this.directory.provision(body.userId) : null);
    if (!user) {
      this.logger.debug({ reason: 'unknown_user' }, 'sandbox otp request ignored');
      return null;
    }
    const code = this.otps.issue(user.userId);
    const mail = composeActivationMail({
      name: user.name,
      language: user.language,
      code,
      validityMinutes: Math.round(this.settings.otpValidityMs / 60_000),
      appName: this.settings.appName,
      environment: this.settings.environment,
    });
    this.mailbox.deliver({ to: user.userId, subject: mail.subject, body: mail.body, code });
    this.logger.info({ userCode: user.userCode }, 'sandbox activation mail sent');
    return user;
  }

  /** Exchanges a valid code for a new token; throws the AFAS 500 for wrong keys, codes or users. */
  validate(body: OtpValidationBody): { token: string; user: SandboxUser } {
    if (!this.keysMatch(body)) throw refusals.otpWrongKeys();
    const user = this.directory.find(body.userId);
    if (!user) throw refusals.otpIncorrect();
    const outcome = this.otps.check(user.userId, body.otp);
    if (outcome === 'expired') throw refusals.otpExpired();
    if (outcome === 'incorrect') throw refusals.otpIncorrect();
    this.logger.info({ userCode: user.userCode }, 'sandbox token issued');
    return { token: this.tokens.issue(user.userId), user };
  }

  private keysMatch(body: OtpRequestBody): boolean {
    const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.toLowerCase();
    return same(body.apiKey, this.settings.apiKey) && same(body.apiToken, this.settings.environmentKey);
  }
}
