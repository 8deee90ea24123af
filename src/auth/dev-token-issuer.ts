import { generateKeyPair, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import type { Clock } from '../ports/clock';
import type { SsoIdentity, SsoTokenValidator, TokenContext } from '../ports/sso-token-validator';
import { tokenRejected } from './sso-errors';

/** The `iss` of development tokens: no Entra ID tenant can ever issue a token with it. */
export const DEV_TOKEN_ISSUER = 'urn:afas-for-teams:development-host';
const DEV_TOKEN_AUDIENCE = 'urn:afas-for-teams:tab';
const LIFETIME_SECONDS = 3600;

export interface DevPerson {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly name: string;
  /** The sign-in name the token carries (access lists may name people by it). */
  readonly upn?: string;
}

/**
 * Demo mode's stand-in for Entra ID: signs short-lived tokens with a key made at start (never
 * written anywhere, so a restart invalidates them) for the development host, and validates them
 * for the tab API, only from this machine and only for the development tenant.
 */
export class DevTokenIssuer implements SsoTokenValidator {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly tenantId: string,
    private readonly clock: Clock,
  ) {}

  static async create(options: { readonly tenantId: string; readonly clock: Clock }): Promise<DevTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return new DevTokenIssuer(privateKey, publicKey, options.tenantId.toLowerCase(), options.clock);
  }

  /** A token for one of the development tenant's people. */
  async issue(person: DevPerson): Promise<string> {
    if (person.tenantId.toLowerCase() !== this.tenantId) throw tokenRejected('tenant');
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ tid: this.tenantId, oid: person.aadObjectId.toLowerCase(), name: person.name, ...(person.upn ? { upn: person.upn.toLowerCase() } : {}) })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setIssuer(DEV_TOKEN_ISSUER)
      .setAudience(DEV_TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(this.privateKey);
  }

  async validate(token: string, context: TokenContext): Promise<SsoIdentity> {
    if (!context.fromLoopback) throw tokenRejected('issuer');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, { algorithms: ['ES256'], issuer: DEV_TOKEN_ISSUER, audience: DEV_TOKEN_AUDIENCE, currentDate: this.clock.now(), requiredClaims: ['exp', 'oid', 'tid'] }));
    } catch (error) {
      throw tokenRejected((error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'signature', error);
    }
    if (payload.tid !== this.tenantId || typeof payload.oid !== 'string') throw tokenRejected('tenant');
    return { user: { tenantId: this.tenantId, aadObjectId: payload.oid }, name: typeof payload.name === 'string' ? payload.name : null, upn: typeof payload.upn === 'string' ? payload.upn : null };
  }
}
