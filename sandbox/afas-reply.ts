import { randomUUID } from 'node:crypto';
import type { Response } from 'restify';
import type { SandboxHttpError } from './sandbox-http-error';

/** What a route answers; the pipeline writes it. `body` undefined = an empty body. */
export interface AfasReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A non-JSON answer (the OAuth consent page); replaces `body`. */
  readonly text?: { readonly contentType: string; readonly body: string };
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A new reference, as AFAS puts in every error body for its support desk. */
export function newProfitLogReference(): string {
  return randomUUID();
}

export function errorReply(error: SandboxHttpError, profitLogReference = newProfitLogReference()): AfasReply {
  return { status: error.status, body: { externalMessage: error.externalMessage, errorNumber: -1, profitLogReference } };
}

/** Writes raw bytes with exactly these headers: no framework formatter gets in between. */
export function writeRaw(res: Response, status: number, contentType: string, text: string, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** Every AFAS answer is `application/json`, even an empty one (the OTP request's 2xx). */
export function writeReply(res: Response, reply: AfasReply): void {
  if (reply.text) return writeRaw(res, reply.status, reply.text.contentType, reply.text.body, reply.headers);
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  writeRaw(res, reply.status, JSON_CONTENT_TYPE, text, reply.headers);
}
