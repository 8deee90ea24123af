import { decodeJwt } from 'jose';
import type { SsoIdentity, SsoTokenValidator, TokenContext } from '../ports/sso-token-validator';
import { DEV_TOKEN_ISSUER } from './dev-token-issuer';

/**
 * Demo mode: a token that claims the development issuer and comes from this machine goes to the
 * development key; everything else to Entra ID's validation as in production.
 */
export class DemoSsoTokenValidator implements SsoTokenValidator {
  constructor(
    private readonly entra: SsoTokenValidator,
    private readonly development: SsoTokenValidator,
  ) {}

  validate(token: string, context: TokenContext): Promise<SsoIdentity> {
    return context.fromLoopback && claimsDevelopmentIssuer(token) ? this.development.validate(token, context) : this.entra.validate(token, context);
  }
}

function claimsDevelopmentIssuer(token: string): boolean {
  try {
    return decodeJwt(token).iss === DEV_TOKEN_ISSUER;
  } catch {
    return false;
  }
}
