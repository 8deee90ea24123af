import type { UserKey } from '../domain/user-key';

/** Who a valid Teams SSO token says the caller is. The user key comes from the token's `tid` and `oid` only. */
export interface SsoIdentity {
  readonly user: UserKey;
  /** The display name claim, when present (for logs and greetings, never for access decisions). */
  readonly name: string | null;
  /** The sign-in name (`upn`, else `preferred_username`), lower case; for access lists that name people by UPN. */
  readonly upn?: string | null;
}

/** Facts about the request a validator may need: development tokens are only taken from this machine. */
export interface TokenContext {
  readonly fromLoopback: boolean;
}

/**
 * Checks a bearer token sent by the tab. Rejects with AppError `sso_token_invalid` (details.reason:
 * missing, malformed, signature, expired, audience, issuer, tenant, not_configured) or
 * `sso_keys_unavailable` when the issuer's keys cannot be fetched; never returns a partial identity.
 */
export interface SsoTokenValidator {
  validate(token: string, context: TokenContext): Promise<SsoIdentity>;
}
