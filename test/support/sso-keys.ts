import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const TENANT = '7d3c9e1a-1111-4a4a-9b9b-000000000001';
export const OTHER_TENANT = '7d3c9e1a-2222-4a4a-9b9b-000000000002';
export const APP_ID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
export const AUDIENCE = `api://tab.example.com/${APP_ID}`;

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
}

/**
 * Entra ID's key endpoint, played on a real socket: publishes the given public keys and counts how
 * often it is asked, so tests can see the key set is cached.
 */
export class FakeKeyServer {
  hits = 0;
  private server: Server | null = null;

  constructor(private readonly keys: readonly SigningKey[]) {}

  async start(): Promise<string> {
    this.server = createServer((_req, res) => {
      this.hits += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: this.keys.map((k) => k.jwk) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/common/discovery/v2.0/keys`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

export interface TokenClaims extends JWTPayload {
  tid?: string;
  oid?: string;
}

/** An Entra-shaped access token (v2 issuer by default), valid for an hour unless told otherwise. */
export async function entraToken(key: SigningKey, claims: TokenClaims = {}, options: { kid?: string; alg?: string } = {}): Promise<string> {
  const tid = claims.tid ?? TENANT;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tid, oid: '00000000-0000-4000-8000-00000000a001', name: 'Test User', scp: 'access_as_user', ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(typeof claims.iss === 'string' ? claims.iss : `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt(now - 60)
    .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : now + 3600)
    .sign(key.privateKey);
}
