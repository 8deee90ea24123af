import type { ActivationAuthKind, AfasAuthMode } from './afas-auth-mode';

/** How many active users of a connection authenticate each way. */
export interface AuthCounts {
  readonly classic: number;
  readonly oauth: number;
}

/**
 * The admins' view of how a connection's users sign in to AFAS. The client secret is write-only:
 * only whether it is set. `redirectUri` is what the admin registers on the AFAS app connector.
 */
export interface ConnectionAuthView {
  readonly connectionId: string;
  readonly authMode: AfasAuthMode;
  readonly clientId: string | null;
  readonly clientSecretSet: boolean;
  readonly scope: string;
  readonly redirectUri: string;
  readonly users: AuthCounts;
  /** From 1 June 2027 while classic users remain: the screen warns that their tokens stop working. */
  readonly classicEndWarning: boolean;
  /** From the AFAS_AUTH_MODE / AFAS_OAUTH_* settings: read-only here. */
  readonly fromConfiguration: boolean;
  readonly changeable: boolean;
}

/** One activated user of a connection, for the CLI's listing. */
export interface ConnectionUserView {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly afasUserId: string;
  readonly authKind: ActivationAuthKind;
  readonly activatedAt: string;
}

/** What "invite every classic user" did: one card per classic user, at most once per user per invite. */
export interface ClassicInviteResult {
  readonly connectionId: string;
  /** The invite's id: the Amsterdam date, so a repeated click the same day sends nobody a second card. */
  readonly invite: string;
  readonly invited: number;
  readonly alreadyInvited: number;
  /** No chat to write into, or Teams did not take the card. */
  readonly notReached: number;
}
