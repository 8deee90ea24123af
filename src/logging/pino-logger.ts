import pino from 'pino';
import pretty from 'pino-pretty';
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

function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const message = String(log[messageKey] ?? '');
  if (message !== 'request' || typeof log.path !== 'string') return message;
  return `${String(log.method)} ${log.path} ${String(log.status)} (${String(log.ms)} ms)`;
}

/** JSON lines on stdout (or the given stream), or readable lines for a person running the demo. */
export function createPinoLogger(level: LogLevel, format: 'json' | 'pretty' = 'json', destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: { service: 'afas-for-teams' },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (format === 'pretty') {
    // One line per entry, and a request reads as "GET /tab/ 200 (3 ms)": a demo terminal stays readable.
    return pino(options, pretty({ destination: destination ?? 1, colorize: destination === undefined && process.stdout.isTTY, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,service', sync: true, singleLine: true, messageFormat: prettyMessage }));
  }
  return destination ? pino(options, destination) : pino(options);
}
