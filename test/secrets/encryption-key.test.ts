import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../../src/domain/app-error';
import { loadOrCreateKeyFile, parseEncryptionKey } from '../../src/secrets/encryption-key';

function failure(input: string): unknown {
  try {
    parseEncryptionKey(input);
  } catch (error) {
    return error;
  }
  throw new Error('expected parseEncryptionKey to throw');
}

describe('parseEncryptionKey', () => {
  it('decodes a 32-byte base64 key, ignoring surrounding whitespace', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(`  ${key.toString('base64')}\n`).equals(key)).toBe(true);
  });

  it('refuses a key of the wrong length and says how long it is and how to make one', () => {
    const error = failure(randomBytes(16).toString('base64'));
    expect(isAppError(error, 'secret_key_invalid')).toBe(true);
    expect((error as Error).message).toContain('decodes to 16');
    expect((error as Error).message).toContain('openssl rand -base64 32');
  });

  it.each([[''], ['not base64 at all!'], ['QUJD=A'], ['hex-looking-0123456789abcdef']])('refuses %p as invalid base64', (input) => {
    expect(isAppError(failure(input), 'secret_key_invalid')).toBe(true);
  });

  it('never repeats the key in its message', () => {
    const almost = randomBytes(31).toString('base64');
    expect((failure(almost) as Error).message).not.toContain(almost);
  });
});

describe('loadOrCreateKeyFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'afas-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a random 32-byte key once, in a new directory, and returns the same key afterwards', () => {
    const path = join(dir, 'nested', 'data', 'secret.key');
    const first = loadOrCreateKeyFile(path);
    expect(first).toHaveLength(32);
    expect(loadOrCreateKeyFile(path).equals(first)).toBe(true);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(first)).toBe(true);
  });

  const posixOnly = process.platform === 'win32' ? it.skip : it;
  posixOnly('writes the key file readable by its owner only (0600)', () => {
    const path = join(dir, 'secret.key');
    loadOrCreateKeyFile(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reads an existing key file instead of replacing it', () => {
    const path = join(dir, 'secret.key');
    const key = randomBytes(32);
    writeFileSync(path, key.toString('base64'));
    expect(loadOrCreateKeyFile(path).equals(key)).toBe(true);
  });

  it('refuses a file whose key has the wrong length, and leaves it untouched', () => {
    const path = join(dir, 'secret.key');
    const short = randomBytes(24).toString('base64');
    writeFileSync(path, short);
    let error: unknown;
    try {
      loadOrCreateKeyFile(path);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, 'secret_key_file_invalid')).toBe(true);
    expect((error as Error).message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(short);
  });

  it('reports a path it cannot create with a stable code', () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'not a directory');
    let error: unknown;
    try {
      loadOrCreateKeyFile(join(blocker, 'secret.key'));
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, 'secret_key_file_unreadable')).toBe(true);
  });
});
