import { randomBytes } from 'node:crypto';
import { AesGcmSecretBox, secretKeyId } from '../../src/secrets/aes-gcm-secret-box';
import { AppError } from '../../src/domain/app-error';
import { sealUnbound } from '../support/unbound-seal';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);
const SECRET = 'afas-token-<token><version>1</version><data>ABC</data></token>';
const OWNER = '["activations.token","tenant-a","user-1"]';

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
    for (const text of [SECRET, '', 'Zoë’s sleutel 🔑']) expect(box.open(box.seal(text, OWNER), OWNER)).toBe(text);
  });

  it('seals the same text differently every time, so equal secrets are not recognisable', () => {
    expect(box.seal(SECRET, OWNER)).not.toBe(box.seal(SECRET, OWNER));
  });

  it('writes v2, the key id and three base64url parts, without the plaintext', () => {
    const sealed = box.seal(SECRET, OWNER);
    expect(sealed).toMatch(/^v2:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(sealed.split(':')[1]).toBe(secretKeyId(keyA));
    expect(sealed).not.toContain('ABC');
  });

  it('after rotation, seals with the new key and still opens values sealed with the previous one', () => {
    const old = box.seal(SECRET, OWNER);
    const rotated = new AesGcmSecretBox({ current: keyB, previous: [keyA] });
    expect(rotated.open(old, OWNER)).toBe(SECRET);
    expect(rotated.seal(SECRET, OWNER).split(':')[1]).toBe(secretKeyId(keyB));
  });

  it('refuses a value sealed with a key that is not in the ring, naming only the key id', () => {
    const error = errorOf(() => new AesGcmSecretBox({ current: keyB }).open(box.seal(SECRET, OWNER), OWNER));
    expect(error.code).toBe('secret_key_unknown');
    expect(error.message).toContain(secretKeyId(keyA));
  });

  it('detects a flipped ciphertext byte instead of returning garbage', () => {
    const sealed = box.seal(SECRET, OWNER);
    const data = Buffer.from(sealed.split(':')[4], 'base64url');
    data[0] ^= 1;
    const error = errorOf(() => box.open(replacePart(sealed, 4, data.toString('base64url')), OWNER));
    expect(error.code).toBe('secret_tampered');
    expect(error.message).not.toContain(SECRET);
  });

  it('detects a changed tag or IV', () => {
    const sealed = box.seal(SECRET, OWNER);
    const otherIv = randomBytes(12).toString('base64url');
    const otherTag = randomBytes(16).toString('base64url');
    expect(errorOf(() => box.open(replacePart(sealed, 2, otherIv), OWNER)).code).toBe('secret_tampered');
    expect(errorOf(() => box.open(replacePart(sealed, 3, otherTag), OWNER)).code).toBe('secret_tampered');
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not sealed at all'],
    ['a wrong version', 'v3:aaaaaaaa:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a malformed key id', 'v1:XYZ:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['a short IV', 'v1:aaaaaaaa:AAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA'],
    ['non-base64 characters', 'v1:aaaaaaaa:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:@@@@'],
    ['too many parts', 'v1:aaaaaaaa:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA:AAAA'],
  ])('reports %s as secret_tampered with a plain message', (_name, garbled) => {
    const error = errorOf(() => box.open(garbled, OWNER));
    expect(error.code).toBe('secret_tampered');
    expect(error.message).toMatch(/^The sealed secret is damaged or was altered/);
  });

  it('binds a value to its owner: the same value read for another owner is refused as tampered', () => {
    const sealed = box.seal(SECRET, OWNER);
    const error = errorOf(() => box.open(sealed, '["activations.token","tenant-a","user-2"]'));
    expect(error.code).toBe('secret_tampered');
    expect(error.message).not.toContain(SECRET);
  });

  it('opens a value sealed before binding only to rebind it; reading it directly is refused', () => {
    const unbound = sealUnbound(keyA, SECRET);
    expect(errorOf(() => box.open(unbound, OWNER)).code).toBe('secret_tampered');
    const rebound = box.rebind(unbound, OWNER);
    expect(rebound).toMatch(/^v2:/);
    expect(box.open(rebound ?? '', OWNER)).toBe(SECRET);
    expect(box.rebind(rebound ?? '', OWNER)).toBeNull();
  });

  it('rebinds a value sealed before binding under a previous key, sealing it with the current key', () => {
    const rotated = new AesGcmSecretBox({ current: keyB, previous: [keyA] });
    const rebound = rotated.rebind(sealUnbound(keyA, SECRET), OWNER) ?? '';
    expect(rebound.split(':')[1]).toBe(secretKeyId(keyB));
    expect(rotated.open(rebound, OWNER)).toBe(SECRET);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(errorOf(() => new AesGcmSecretBox({ current: Buffer.alloc(16) })).code).toBe('secret_key_invalid');
    expect(errorOf(() => new AesGcmSecretBox({ current: keyA, previous: [Buffer.alloc(31)] })).code).toBe('secret_key_invalid');
  });

  it('keeps working when the caller later overwrites the key buffer it passed in', () => {
    const key = Buffer.from(keyA);
    const own = new AesGcmSecretBox({ current: key });
    const sealed = own.seal(SECRET, OWNER);
    key.fill(0);
    expect(own.open(sealed, OWNER)).toBe(SECRET);
  });
});
