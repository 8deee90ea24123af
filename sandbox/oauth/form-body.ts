import type { IncomingMessage } from 'node:http';
import { refusals } from '../sandbox-http-error';

const MAX_BODY_BYTES = 16 * 1024;

/**
 * An `application/x-www-form-urlencoded` body. Mounted in the product's server, restify's body
 * parser has already read it (an object, or the raw text); standalone, it is read here.
 */
export async function readFormBody(req: IncomingMessage): Promise<URLSearchParams> {
  const parsed: unknown = (req as IncomingMessage & { body?: unknown }).body;
  if (typeof parsed === 'string') return new URLSearchParams(parsed);
  if (Buffer.isBuffer(parsed)) return new URLSearchParams(parsed.toString('utf8'));
  if (parsed !== null && typeof parsed === 'object') {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') form.set(key, value);
    return form;
  }
  if (req.readableEnded) return new URLSearchParams();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw refusals.payloadTooLarge();
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
