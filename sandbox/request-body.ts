import type { IncomingMessage } from 'node:http';
import { refusals } from './sandbox-http-error';

/** Bodies the sandbox accepts; OTP bodies are a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

function parseText(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw refusals.badRequest('the body is not valid JSON');
  }
}

/**
 * The JSON body of a request. When mounted in a server that already runs a body parser, the
 * parsed (or raw) body is on `req.body` and the stream is spent; standalone, it is read here.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const parsed: unknown = (req as IncomingMessage & { body?: unknown }).body;
  if (parsed !== undefined) {
    if (typeof parsed === 'string') return parseText(parsed);
    if (Buffer.isBuffer(parsed)) return parseText(parsed.toString('utf8'));
    return parsed;
  }
  if (req.readableEnded) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw refusals.payloadTooLarge();
    chunks.push(buffer);
  }
  return parseText(Buffer.concat(chunks).toString('utf8'));
}
