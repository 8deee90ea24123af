import type { Clock } from '../src/ports/clock';
import type { Logger } from '../src/ports/logger';

/** A value in a GetConnector row, as AFAS sends it (`null` for empty). */
export type SandboxValue = string | number | boolean | null;
export type SandboxRow = Record<string, SandboxValue>;

export interface SandboxOptions {
  /** Time for data, codes and signals; default: the real clock. Network latency is always real time. */
  clock?: Clock;
  /** Default: silent. Lines never carry tokens, keys or codes. */
  logger?: Logger;
  /** The accepted app-connector API key (32 hex); default `DEMO_API_KEY`. */
  apiKey?: string;
  /** The accepted environment key (32 hex); default `DEMO_ENVIRONMENT_KEY`. */
  environmentKey?: string;
  /**
   * When true, an OTP request (with the right keys) for an unknown but well-formed e-mail address
   * or user code creates that user with generated demo data, so whatever Teams prefills works.
   */
  autoProvisionUsers?: boolean;
  /** >0: every interval (after `start()`), one new signal for every user holding a valid token. */
  signalIntervalMs?: number;
  /** How long an activation code stays valid; default 15 minutes. */
  otpValidityMs?: number;
  /** Participant number: user codes look like `12345.jdevries`, the environment like `O12345AA`. */
  participant?: string;
  /** OAuth lifetimes (ms), short in tests so refreshes happen: codes (60 s), access tokens (1 h), refresh tokens (30 days). */
  oauthLifetimes?: { codeMs?: number; accessTokenMs?: number; refreshTokenMs?: number };
}

export type Fault = (
  | { kind: 'latency'; ms: number }
  | { kind: 'unauthorized' }
  | { kind: 'functional-error'; message?: string; profitLogReference?: string }
  | { kind: 'unavailable'; retryAfterSeconds: number }
  | { kind: 'malformed-json' }
  | { kind: 'html' }
  | { kind: 'hang' }
) & {
  /** Apply to the next N matching requests, then lapse; default: until `faults.clear()`. */
  times?: number;
  /** Only requests whose path contains this text (case-insensitive). */
  path?: string;
};

/** One request the sandbox received on its AFAS routes. Never holds a token, key or code. */
export interface RecordedRequest {
  readonly method: string;
  /** The path without query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** ISO instant, by the sandbox's clock. */
  readonly at: string;
  /** The e-mail address of the token's (or OTP request's) user, when known. */
  readonly userId: string | null;
  /** True when the client sent `Connection: close`, which AFAS answers by resetting connections. */
  readonly hasConnectionClose: boolean;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** The activation code in the mail (the sandbox's mailbox exists to show it). */
  readonly code: string;
  /** ISO instant. */
  readonly sentAt: string;
}

export interface SandboxUserInfo {
  /** The user's e-mail address. */
  readonly userId: string;
  /** The AFAS user code, e.g. `12345.jdevries`. */
  readonly userCode: string;
  readonly name: string;
}
