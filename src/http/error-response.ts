import { AppError } from '../domain/app-error';

/** How long a caller is asked to wait (Retry-After) while the database cannot be reached. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

/** HTTP status for an error code; the code itself goes to the client, never a stack or a secret. */
const STATUS_BY_CODE: Record<string, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  not_ready: 503,
  storage_unavailable: 503,
  afas_unauthorized: 502,
  afas_unavailable: 503,
  afas_timeout: 504,
};

export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
}

export function errorResponse(error: unknown, requestId?: string): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const status = STATUS_BY_CODE[error.code] ?? (error.code.startsWith('afas_') ? 502 : 500);
    const message = status >= 500 && !error.code.startsWith('afas_') ? 'Something went wrong on our side.' : error.message;
    return { status, body: { code: error.code, message, requestId } };
  }
  return { status: 500, body: { code: 'internal_error', message: 'Something went wrong on our side.', requestId } };
}
