import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError, isAppError } from '../domain/app-error';

const KEY_BYTES = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes a base64 encryption key (as made by `openssl rand -base64 32`) into its 32 bytes.
 * The message never repeats the key: it may be a real one with a typo.
 */
export function parseEncryptionKey(base64: string): Buffer {
  const text = base64.trim();
  if (text === '' || !BASE64.test(text)) {
    throw new AppError(
      'secret_key_invalid',
      `The encryption key is not valid base64; generate one with \`openssl rand -base64 ${KEY_BYTES}\`.`,
    );
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new AppError(
      'secret_key_invalid',
      `The encryption key must decode to ${KEY_BYTES} bytes but decodes to ${key.length}; generate one with \`openssl rand -base64 ${KEY_BYTES}\`.`,
      { details: { bytes: key.length } },
    );
  }
  return key;
}

// Structural rather than `instanceof Error`: fs errors may come from another realm (e.g. under jest).
function isErrnoCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}

function readKeyFile(path: string): Buffer {
  const text = readFileSync(path, 'utf8');
  try {
    return parseEncryptionKey(text);
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError(
      'secret_key_file_invalid',
      `The key file ${path} does not hold a usable key: ${error.message} Restore the original file; replacing it makes every stored secret unreadable.`,
      { cause: error, details: { path } },
    );
  }
}

/**
 * The demo-mode encryption key: read from `path`, or created there once (random, base64, mode 0600,
 * directory created as needed). A file with the wrong content is refused rather than replaced,
 * because a new key would silently orphan every secret sealed with the old one.
 */
export function loadOrCreateKeyFile(path: string): Buffer {
  try {
    try {
      return readKeyFile(path);
    } catch (error) {
      if (!isErrnoCode(error, 'ENOENT')) throw error;
    }
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    try {
      // `wx` fails when another process created the file first; its key then wins and is read below.
      writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!isErrnoCode(error, 'EEXIST')) throw error;
    }
    return readKeyFile(path);
  } catch (error) {
    if (isAppError(error)) throw error;
    const reason = String((error as { message?: unknown } | null)?.message ?? error);
    throw new AppError('secret_key_file_unreadable', `The key file ${path} could not be read or created: ${reason}`, {
      cause: error,
      details: { path },
    });
  }
}
