import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../ports/clock';
import type { SsoIdentity, SsoTokenValidator } from '../ports/sso-token-validator';
import { keysUnavailable, tokenRejected } from './sso-errors';

export interface JoseSsoTokenValidatorOptions {
  /** Accepted `aud` values (the app's resource); empty = refuse every token. */
  readonly audiences: readonly string[];
  readonly jwksUrl: string;
  /** Tenant ids whose users are admitted; `*` admits any tenant. */
  readonly allowedTenants: readonly string[];
  readonly clock: Clock;
}

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
/** Entra ID allows a few minutes of clock skew between its servers and ours. */
const CLOCK_TOLERANCE_SECONDS = 120;

/**
 * Validates Teams SSO tokens (Entra ID access tokens) with jose: RS256 signature against the
 * issuer's published keys (fetched once, cached for hours, re-fetched when an unknown key id
 * appears), issuer of the token's own tenant (v1 or v2 form), audience, expiry, allowed tenant.
 */
export class JoseSsoTokenValidator implements SsoTokenValidator {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: JoseSsoTokenValidatorOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: 12 * 3_600_000, cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  async validate(token: string): Promise<SsoIdentity> {
    if (this.options.audiences.length === 0) throw tokenRejected('not_configured');
    const tenantId = unverifiedTenant(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        audience: [...this.options.audiences],
        // The tenant named inside the token must also be the one that issued it.
        issuer: [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
        currentDate: this.options.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch (error) {
      throw classify(error);
    }
    const allowed = this.options.allowedTenants;
    if (!allowed.includes('*') && !allowed.some((t) => t.toLowerCase() === tenantId)) throw tokenRejected('tenant');
    if (typeof payload.oid !== 'string' || !GUID.test(payload.oid)) throw tokenRejected('malformed');
    return { user: { tenantId, aadObjectId: payload.oid.toLowerCase() }, name: typeof payload.name === 'string' ? payload.name : null, upn: upnOf(payload) };
  }
}

/** v1 tokens carry `upn`; v2 tokens `preferred_username` (and `upn` only as an optional claim). */
function upnOf(payload: JWTPayload): string | null {
  for (const claim of [payload.upn, payload.preferred_username]) {
    if (typeof claim === 'string' && claim.includes('@')) return claim.toLowerCase();
  }
  return null;
}

/** The `tid` claim before verification, only to know which issuer to expect; verified right after. */
function unverifiedTenant(token: string): string {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch (error) {
    throw tokenRejected('malformed', error);
  }
  if (typeof claims.tid !== 'string' || !GUID.test(claims.tid)) throw tokenRejected('malformed');
  return claims.tid.toLowerCase();
}

function classify(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return tokenRejected('expired', error);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return tokenRejected('audience', error);
    if (error.claim === 'iss') return tokenRejected('issuer', error);
    return tokenRejected('malformed', error);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSEAlgNotAllowed) {
    return tokenRejected('signature', error);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) return tokenRejected('malformed', error);
  // Timeouts, refused connections, non-200 answers and unreadable key sets: the keys are out of reach.
  return keysUnavailable(error);
}
