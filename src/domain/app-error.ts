/**
 * The one error type of the product: a stable string code for logs, metrics and branching,
 * a message that never carries a secret, and the cause that led to it.
 */
export class AppError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }
}

export function isAppError(value: unknown, code?: string): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
