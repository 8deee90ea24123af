import type { TokenStore } from '../token-store';
import type { OAuthProvider } from './oauth-provider';

/**
 * What authenticates a request: a classic `AfasToken` (until switched off, as AFAS will on
 * 31 August 2027) or an OAuth `Bearer` access token, on every endpoint alike.
 */
export class SandboxCredentials {
  private classicEnabled = true;

  constructor(private readonly classic: TokenStore, private readonly oauth: OAuthProvider) {}

  /** false = every classic token is refused with 401, as after 31 August 2027. */
  setClassicTokensEnabled(enabled: boolean): void {
    this.classicEnabled = enabled;
  }

  get classicTokensEnabled(): boolean {
    return this.classicEnabled;
  }

  userForHeader(header: string | undefined): string | null {
    if (/^Bearer\s/i.test(header ?? '')) return this.oauth.userForHeader(header);
    return this.classicEnabled ? this.classic.userForHeader(header) : null;
  }

  /** Users with a classic token (while those work) or a live access token: whom new signals are made for. */
  holders(): Set<string> {
    const users = this.classicEnabled ? this.classic.holders() : new Set<string>();
    for (const user of this.oauth.grants.holders()) users.add(user);
    return users;
  }
}
