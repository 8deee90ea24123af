import { createCipheriv, randomBytes } from 'node:crypto';
import { secretKeyId } from '../../src/secrets/aes-gcm-secret-box';

/** A value as the releases before owner binding sealed it (format v1: AES-256-GCM, no associated data). */
export function sealUnbound(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', secretKeyId(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}
