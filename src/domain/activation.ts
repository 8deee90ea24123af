import type { ActivationAuthKind } from './afas-auth-mode';
import type { UserKey } from './user-key';

export type ActivationStatus = 'active' | 'invalid';

/** A Teams user linked to an AFAS user through a token issued by the OTP flow. */
export interface Activation {
  readonly user: UserKey;
  readonly connectionId: string;
  /** What the user typed as AFAS user id: an e-mail address or a user code such as `12345.jdoe`. */
  readonly afasUserId: string;
  readonly status: ActivationStatus;
  readonly activatedAt: Date;
  readonly updatedAt: Date;
  /** How the activation authenticates to AFAS; absent = classic (the OTP flow's token). */
  readonly authKind?: ActivationAuthKind;
}
