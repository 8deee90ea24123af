import type { UserDirectory } from '../user-directory';
import type { OAuthClientRegistration } from './oauth-clients';
import type { IssuedTokens } from './oauth-grants';
import type { OAuthProvider } from './oauth-provider';
import type { SandboxCredentials } from './sandbox-credentials';
import type { TokenRequestRecord } from './oauth-token-endpoint';

/** The sandbox's OAuth side as tests and demo mode drive it. */
export class SandboxOAuth {
  constructor(
    private readonly provider: OAuthProvider,
    private readonly credentials: SandboxCredentials,
    private readonly directory: UserDirectory,
  ) {}

  /** Adds an OAuth client to the app connector (or replaces it). The demo client is there from the start, without redirect URIs. */
  registerClient(client: OAuthClientRegistration): void {
    this.provider.clients.register(client);
  }

  /** Registers one more exact redirect URI for a client (demo mode: the product's callback). */
  allowRedirect(clientId: string, redirectUri: string): void {
    this.provider.clients.allowRedirect(clientId, redirectUri);
  }

  /** false = classic AfasToken headers get 401 everywhere, as after 31 August 2027. */
  setClassicTokensEnabled(enabled: boolean): void {
    this.credentials.setClassicTokensEnabled(enabled);
  }

  /** Every `oauth/token` call, oldest first (grant type, outcome, user; never a code or token). */
  tokenRequests(): readonly TokenRequestRecord[] {
    return this.provider.tokenEndpoint.requests;
  }

  /** Tokens as a completed sign-in would issue them (no page, no code), for tests. */
  issueTokens(userId: string, clientId: string, scope = ''): IssuedTokens {
    const user = this.directory.require(userId);
    const code = this.provider.grants.issueCode({ clientId, redirectUri: '', userId: user.userId, codeChallenge: '', scope });
    const grant = this.provider.grants.redeemCode(code);
    if (typeof grant === 'string') throw new Error(`the sandbox could not redeem its own code: ${grant}`);
    return this.provider.grants.issueForCode(grant);
  }

  /** Revokes the sign-in (every access and refresh token) the given token belongs to. */
  revokeSignInOf(token: string): void {
    this.provider.grants.revokeFamilyOf(token);
  }
}
