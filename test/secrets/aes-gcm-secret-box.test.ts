import { randomBytes } from 'node:crypto';
import { AesGcmSecretBox, secretKeyId } from '../../src/secrets/aes-gcm-secret-box';
import { AppError } from '../../src/domain/app-error';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);
const SECRET = 'afas-token-<token><version>1</version><data>ABC</data></token>';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

function replacePart(sealed: string, index: number, part: string): string {
  const parts = sealed.split(':');
  parts[index] = part;
  return parts.join(':');
}

describe('AesGcmSecretBox', () => {
  const box = new AesGcmSecretBox({ current: keyA });

  it('opens what it sealed, including empty and non-ASCII text', () => {
    for (const text of [SECRET, '', 'Zoë’s sleutel 🔑']) expect(box.open(box.seal(text))).toBe(text);
  });

  it('seals the same text differently every time, so equal secrets are not recognisable', () => {
    expect(box.seal(SECRET)).not.toBe(box.seal(SECRET));
  });

  it('writes v1, the key id and three base64url parts, without the plaintext', () => {
    const sealed = box.seal(SECRET);
    expect(sealed).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(sealed.split(':')[1]).toBe(secretKeyId(keyA));
    expect(sealed).not.toContain('ABC');
  });

  it('after rotation, seals with the new key and still opens values sealed with the previous one', () => {
    const old = box.seal(SECRET);
    const rotated = new AesGcmSecretBox({ current: keyB, previous: [keyA] });
    expect(rotated.open(old)).toBe(SECRET);
    expect(rotated.seal(SECRET).split(':')[1]).toBe(secretKeyId(keyB));
  });

  it('refuses a value sealed with a key that is not in the ring, naming only the key id', () => {
    const error = errorOf(() => new AesGcmSecretBox({ current: keyB }).open(box.seal(SECRET)));
    expect(error.code).toBe('secret_key_unknown');
    expect(error.message).toContain(secretKeyId(keyA));
  });

  it('detects a flipped ciphertext byte instead of returning garbage', () => {
    const sealed = box.seal(SECRET);
    const data = Buffer.from(sealed.split(':')[4], 'base64url');
    data[0] ^= 1;
    const error = errorOf(() => box.open(replacePart(sealed, 4, data.toString('base64url'))));
    expect(error.code).toBe('secret_tampered');
    expect(error.message).not.toContain(SECRET);
  });

  it('detects a changed tag or IV', () => {
    const sealed = box.seal(SECRET);
    const otherIv = randomBytes(12).toString('base64url');
    const otherTag = randomBytes(16).toString('base64url');
    expect(errorOf(() => box.open(replacePart(sealed, 2, otherIv))).code).toBe('secret_tampered');
    expect(errorOf(() => box.open(replacePart(sealed, 3, otherTag))).code).toBe('secret_tampered');
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not sealed at all'],
    ['a wrong version', 'v2:aaaaaaaa:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a malformed key id', 'v1:XYZ:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a short IV', 'v1:aaaaaaaa:AAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['non-base64 characters', 'v1:aaaaaaaa:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:@@@@'],
    ['too many parts', 'v1:aaaaaaaa:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA:AAAA'],
  ])('reports %s as secret_tampered with a plain message', (_name, garbled) => {
    const error = errorOf(() => box.open(garbled));
    expect(error.code).toBe('secret_tampered');
    expect(error.message).toMatch(/^The sealed secret is damaged or was altered/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(errorOf(() => new AesGcmSecretBox({ current: Buffer.alloc(16) })).code).toBe('secret_key_invalid');
    expect(errorOf(() => new AesGcmSecretBox({ current: keyA, previous: [Buffer.alloc(31)] })).code).toBe('secret_key_invalid');
  });

  it('keeps working when the caller later overwrites the key buffer it passed in', () => {
    const key = Buffer.from(keyA);
    const own = new AesGcmSecretBox({ current: key });
    const sealed = own.seal(SECRET);
    key.fill(0);
    expect(own.open(sealed)).toBe(SECRET);
  });
});
