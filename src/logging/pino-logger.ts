import pino from 'pino';
import type { LogLevel } from '../config';
import type { Logger } from '../ports/logger';

/**
 * Field names that may carry a secret are censored wherever they appear, as a second line of
 * defence: the code itself never logs tokens, keys or activation codes.
 */
const REDACT = [
  'token', 'apiKey', 'apiToken', 'environmentKey', 'otp', 'password', 'authorization',
  '*.token', '*.apiKey', '*.apiToken', '*.environmentKey', '*.otp', '*.password', '*.authorization',
  'req.headers.authorization', 'headers.authorization', '*.headers.authorization',
];

/** JSON lines on stdout (or the given stream), pino-formatted. */
export function createPinoLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'afas-for-teams' },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
