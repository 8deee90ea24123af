import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * The Bot Framework's published signing keys, on loopback: an OpenID configuration naming a key set,
 * and a signer for channel tokens as Teams' requests carry them.
 */
export class FakeChannelKeys {
  private server: Server | null = null;
  private key: CryptoKey | null = null;
  private jwk: JWK | null = null;
  readonly kid = 'fake-channel-key';
  metadataUrl = '';
  /** How often the OpenID configuration was read (ours once, botbuilder's own check once). */
  metadataReads = 0;

  async start(): Promise<string> {
    const pair = await generateKeyPair('RS256');
    this.key = pair.privateKey;
    this.jwk = { ...(await exportJWK(pair.publicKey)), kid: this.kid, use: 'sig', alg: 'RS256' };
    this.server = createServer((req, res) => {
      const origin = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/openid') this.metadataReads += 1;
      if (req.url === '/openid') res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${origin}/keys` }));
      else if (req.url === '/keys') res.end(JSON.stringify({ keys: [this.jwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.metadataUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/openid`;
    return this.metadataUrl;
  }

  /** A channel token for `audience`; `with` overrides claims, `signWith` another private key (a forgery). */
  async token(audience: string, options: { serviceUrl: string; expiresInSeconds?: number; issuer?: string; signWith?: CryptoKey } = { serviceUrl: '' }): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: options.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? CHANNEL_ISSUER)
      .setAudience(audience)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(options.signWith ?? this.key!);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
