/**
 * Structured logging (pino-compatible). Fields must never contain a token, API key, environment key
 * or activation code: log codes, ids and `profitLogReference` instead.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): Logger;
}
