import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { LinkSigner } from '../ports/link-signer';

/** 128 bits of HMAC-SHA256: plenty against forgery, and the links stay short. */
const SIGNATURE_BYTES = 16;

/**
 * HMAC-SHA256 with a key derived (HKDF) from the product's encryption key, so no new secret has to
 * be configured and a link signed with it reveals nothing about that key. Rotating the encryption
 * key invalidates links on old cards (their click then lands on a page that says so).
 */
export class HmacLinkSigner implements LinkSigner {
  private readonly key: Buffer;

  constructor(encryptionKey: Buffer, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), `afas-for-teams/${purpose}`, 32));
  }

  sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, SIGNATURE_BYTES).toString('base64url');
  }

  verify(payload: string, signature: string): boolean {
    const given = Buffer.from(signature, 'base64url');
    const expected = Buffer.from(this.sign(payload), 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
