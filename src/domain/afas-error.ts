import { AppError } from './app-error';

/** Stable codes for every way a call to AFAS Profit can fail. */
export const AFAS_ERROR_CODES = [
  'afas_bad_request',
  'afas_unauthorized',
  'afas_forbidden',
  'afas_not_found',
  'afas_payload_too_large',
  'afas_functional_error',
  'afas_unavailable',
  'afas_timeout',
  'afas_network',
  'afas_bad_response',
  'afas_query_too_long',
] as const;
export type AfasErrorCode = (typeof AFAS_ERROR_CODES)[number];

export interface AfasErrorDetails {
  /** HTTP status AFAS answered with, when it answered. */
  status?: number;
  /** AFAS's own sentence from a 500 body (`externalMessage`). */
  externalMessage?: string;
  /** The reference AFAS support asks for (`profitLogReference`). */
  profitLogReference?: string;
  /** Seconds to wait before AFAS is available again (503 `Retry-After`). */
  retryAfterSeconds?: number;
  /** Short, secret-free excerpt of an unexpected body. */
  excerpt?: string;
  /** Which endpoint was called, without query string or secrets (e.g. `connectors/Teams_Tasks`). */
  endpoint?: string;
}

/** A failed call to AFAS. Messages and details never contain tokens, keys or activation codes. */
export class AfasError extends AppError {
  override readonly code: AfasErrorCode;
  readonly status?: number;
  readonly externalMessage?: string;
  readonly profitLogReference?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: AfasErrorCode, message: string, details: AfasErrorDetails = {}, cause?: unknown) {
    super(code, message, { cause, details: { ...details } });
    this.name = 'AfasError';
    this.code = code;
    this.status = details.status;
    this.externalMessage = details.externalMessage;
    this.profitLogReference = details.profitLogReference;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export function isAfasError(value: unknown, code?: AfasErrorCode): value is AfasError {
  return value instanceof AfasError && (code === undefined || value.code === code);
}
