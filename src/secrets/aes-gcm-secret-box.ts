import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/app-error';
import type { SecretBox } from '../ports/secret-box';

/** The key that seals new values, plus older keys that may still open existing ones. */
export interface SecretKeyring {
  readonly current: Buffer;
  readonly previous?: readonly Buffer[];
}

/** Bound values: the owner is the GCM associated data. */
const VERSION = 'v2';
/** Values sealed before binding (no associated data): only `rebind` still opens them. */
const UNBOUND_VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const KEY_ID = /^[0-9a-f]{8}$/;

/** The first 8 hex characters of sha256(key): names a key inside sealed values without revealing it. */
export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function tampered(reason: string, cause?: unknown): AppError {
  return new AppError('secret_tampered', `The sealed secret is damaged or was altered (${reason}); set it again.`, { cause });
}

function decodePart(text: string, expectedBytes: number | null, name: string): Buffer {
  if (!BASE64URL.test(text)) throw tampered(`${name} is not base64url`);
  const bytes = Buffer.from(text, 'base64url');
  if (expectedBytes !== null && bytes.length !== expectedBytes) throw tampered(`${name} has the wrong length`);
  return bytes;
}

interface SealedParts {
  readonly version: string;
  readonly keyId: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly data: Buffer;
}

function parse(sealed: string): SealedParts {
  const parts = sealed.split(':');
  if (parts.length !== 5) throw tampered('not in the v2:<key>:<iv>:<tag>:<data> format');
  const [version, keyId, ivText, tagText, dataText] = parts;
  if (version !== VERSION && version !== UNBOUND_VERSION) throw tampered('unknown format version');
  if (!KEY_ID.test(keyId)) throw tampered('the key id is malformed');
  return { version, keyId, iv: decodePart(ivText, IV_BYTES, 'the IV'), tag: decodePart(tagText, TAG_BYTES, 'the tag'), data: decodePart(dataText, null, 'the ciphertext') };
}

/**
 * AES-256-GCM with a fresh random 96-bit IV per value. Sealed values look like
 * `v2:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts), so they can be opened after the current
 * key rotates as long as the old key stays in `previous`. The owner string is the associated data:
 * a value copied into another row does not open there.
 */
export class AesGcmSecretBox implements SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly byId = new Map<string, Buffer[]>();

  constructor(keyring: SecretKeyring) {
    const keys = [keyring.current, ...(keyring.previous ?? [])];
    for (const key of keys) {
      if (key.length !== KEY_BYTES) {
        throw new AppError('secret_key_invalid', `Every encryption key must be ${KEY_BYTES} bytes; one is ${key.length}.`);
      }
      const id = secretKeyId(key);
      const same = this.byId.get(id) ?? [];
      // Two different keys may share an 8-hex-digit id (1 in 4 billion); opening tries each of them.
      if (!same.some((k) => k.equals(key))) same.push(Buffer.from(key));
      this.byId.set(id, same);
    }
    this.current = { id: secretKeyId(keyring.current), key: Buffer.from(keyring.current) };
  }

  seal(plaintext: string, owner: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(owner, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.current.id, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':');
  }

  open(sealed: string, owner: string): string {
    const parts = parse(sealed);
    // An unbound value could be copied between rows unnoticed; the start-up migration rebinds them all.
    if (parts.version !== VERSION) throw tampered('it is not bound to its owner');
    return this.decrypt(parts, Buffer.from(owner, 'utf8'));
  }

  rebind(sealed: string, owner: string): string | null {
    const parts = parse(sealed);
    if (parts.version === VERSION) return null;
    return this.seal(this.decrypt(parts, null), owner);
  }

  private decrypt(parts: SealedParts, aad: Buffer | null): string {
    const candidates = this.byId.get(parts.keyId);
    if (!candidates) {
      throw new AppError(
        'secret_key_unknown',
        `The secret was sealed with key ${parts.keyId}, which is not in the keyring; add that key to the previous keys or set the secret again.`,
        { details: { keyId: parts.keyId } },
      );
    }
    let failure: unknown;
    for (const key of candidates) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, parts.iv);
        if (aad) decipher.setAAD(aad);
        decipher.setAuthTag(parts.tag);
        return Buffer.concat([decipher.update(parts.data), decipher.final()]).toString('utf8');
      } catch (error) {
        failure = error;
      }
    }
    throw tampered('authentication failed: altered, or copied from another row', failure);
  }
}
