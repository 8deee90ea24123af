import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import type { BotTokenVerdict, BotTokenVerifier } from '../ports/bot-token-verifier';
import type { Clock } from '../ports/clock';

export interface JoseBotTokenVerifierOptions {
  /** The OpenID configuration naming the channel's signing keys (`jwks_uri`). */
  readonly openIdMetadataUrl: string;
  /** The bot's app id: the token's audience. */
  readonly appId: string;
  readonly clock: Clock;
  /** How long fetching the metadata may take. */
  readonly timeoutMs?: number;
}

/** The public cloud's OpenID configuration for channel tokens (botbuilder's default too). */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
/** jose's codes for a token that is not good; any other failure means the keys could not be had. */
const INVALID_TOKEN_CODES: ReadonlySet<string> = new Set([
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWT_INVALID', 'ERR_JWS_INVALID',
  'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS', 'ERR_JOSE_NOT_SUPPORTED',
]);
/** The issuer of the tokens the Bot Framework channel (Teams) sends to a bot. */
export const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';
/** The Bot Framework's own tolerance for clock skew. */
const CLOCK_TOLERANCE_SECONDS = 300;
const METADATA = z.object({ jwks_uri: z.url() });
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Verifies a channel token as botbuilder does (RS256 against the published keys, issuer, audience =
 * app id, expiry with 5 minutes' tolerance), before botbuilder sees the request: botbuilder prints
 * a refused token's stack trace on stderr, and a caller should not be able to make it.
 */
export class JoseBotTokenVerifier implements BotTokenVerifier {
  private keys: ReturnType<typeof createRemoteJWKSet> | null = null;

  constructor(private readonly options: JoseBotTokenVerifierOptions) {}

  async verify(authorizationHeader: string): Promise<BotTokenVerdict> {
    const token = BEARER.exec(authorizationHeader)?.[1];
    if (!token) return { ok: false, reason: 'invalid', detail: authorizationHeader === '' ? 'no Authorization header' : 'not a Bearer JWT' };
    let keys: ReturnType<typeof createRemoteJWKSet>;
    try {
      keys = await this.signingKeys();
    } catch (error) {
      return { ok: false, reason: 'unavailable', detail: `OpenID metadata: ${messageOf(error)}` };
    }
    try {
      await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: CHANNEL_TOKEN_ISSUER,
        audience: this.options.appId,
        currentDate: this.options.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      });
      return { ok: true };
    } catch (error) {
      if (error instanceof errors.JOSEError && INVALID_TOKEN_CODES.has(error.code)) return { ok: false, reason: 'invalid', detail: error.code };
      // The key set could not be fetched or read (refused, DNS, timeout, not JSON).
      return { ok: false, reason: 'unavailable', detail: `signing keys: ${messageOf(error)}` };
    }
  }

  /** The key set named by the metadata, looked up once; a failed lookup is tried again next time. */
  private async signingKeys(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.keys) return this.keys;
    const response = await fetch(this.options.openIdMetadataUrl, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
    if (!response.ok) throw new Error(`answered ${response.status}`);
    const { jwks_uri } = METADATA.parse(await response.json());
    this.keys = createRemoteJWKSet(new URL(jwks_uri), { cacheMaxAge: 12 * 3_600_000, cooldownDuration: 30_000, timeoutDuration: this.options.timeoutMs ?? 5000 });
    return this.keys;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    return typeof cause?.code === 'string' ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
