/** One connection's OAuth client at AFAS: where, who, and the one redirect URI registered there. */
export interface AfasOAuthClientSettings {
  /** The connection's `.../ProfitRestServices` base URL: AFAS serves `oauth/authorize` and `oauth/token` below it. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Empty = no scope parameter. */
  readonly scope: string;
  readonly redirectUri: string;
}

/** What AFAS's token endpoint granted. */
export interface OAuthGrant {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** From `expires_in`, by the caller's clock. */
  readonly expiresAt: Date;
}

/** The secrets of one sign-in attempt, made fresh each time. */
export interface SignInSecrets {
  /** Random, single-use `state`. */
  readonly state: string;
  /** PKCE code verifier (kept server-side) and its S256 challenge (sent to AFAS). */
  readonly verifier: string;
  readonly challenge: string;
}

/**
 * AFAS's OAuth 2.0 authorization code flow with PKCE (S256) and rotating refresh tokens. Rejects
 * with AppError `oauth_invalid_grant` when AFAS refuses a code or refresh token (the user must
 * sign in again), `oauth_denied` when the user declined, `oauth_failed` for anything else.
 */
export interface AfasOAuth {
  newSignInSecrets(): Promise<SignInSecrets>;
  /** AFAS's authorize URL for this attempt. */
  authorizationUrl(settings: AfasOAuthClientSettings, secrets: Pick<SignInSecrets, 'state' | 'challenge'>): string;
  /** Checks the callback URL (error, state) and exchanges its code with the verifier. Never retried. */
  exchangeCode(settings: AfasOAuthClientSettings, callbackUrl: URL, expectedState: string, verifier: string, now: Date): Promise<OAuthGrant>;
  /** Spends the refresh token (AFAS rotates it: the old one is dead afterwards). Never retried. */
  refresh(settings: AfasOAuthClientSettings, refreshToken: string, now: Date): Promise<OAuthGrant>;
}
