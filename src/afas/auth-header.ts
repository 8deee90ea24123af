import { AfasError } from '../domain/afas-error';
import type { AfasAuth } from '../ports/afas-client';

/** The Authorization header value for one way of authenticating, plus what must never be logged. */
export interface AuthHeader {
  readonly value: string;
  /** Every form of the credential that could show up in a body or message (raw and encoded). */
  readonly secrets: readonly string[];
}

type Strategy<K extends AfasAuth['kind']> = (auth: Extract<AfasAuth, { kind: K }>) => AuthHeader;

const STRATEGIES: { readonly [K in AfasAuth['kind']]: Strategy<K> } = {
  // Classic token: base64 of the whole XML string, tags included.
  afasToken: ({ token }) => {
    const encoded = Buffer.from(token, 'utf8').toString('base64');
    return { value: `AfasToken ${encoded}`, secrets: [token, encoded] };
  },
  // OAuth 2.0 (the successor from 31 August 2027): the access token as is.
  bearer: ({ accessToken }) => ({ value: `Bearer ${accessToken}`, secrets: [accessToken] }),
};

function credentialOf(auth: AfasAuth): string {
  return auth.kind === 'afasToken' ? auth.token : auth.accessToken;
}

/** Builds the header for any `AfasAuth`; an empty credential fails before anything is sent. */
export function authorizationHeader(auth: AfasAuth): AuthHeader {
  if (credentialOf(auth).trim() === '') {
    throw new AfasError('afas_unauthorized', 'No AFAS token was given for this call: the user must activate first');
  }
  const strategy = STRATEGIES[auth.kind] as Strategy<AfasAuth['kind']>;
  return strategy(auth);
}

/**
 * How to send a stored credential. A classic token is always AFAS's `<token>…</token>` XML document
 * (the OTP flow issues nothing else); any other credential is an OAuth access token (a JWT at AFAS),
 * sent as Bearer. So an OAuth activation's token needs no other marker on its way through the ports.
 */
export function afasAuthFor(token: string): AfasAuth {
  return token.trimStart().startsWith('<') ? { kind: 'afasToken', token } : { kind: 'bearer', accessToken: token };
}
