import type { z } from 'zod';
import { AppError } from '../domain/app-error';
import { errorBody } from './playground-wire';

/**
 * One request to the Playground's own routes (`/_conversation`, `/_internal`, `/_debug`). A non-2xx
 * answer throws `playground_http` with the Playground's error code (e.g. UserNotFound); an answer
 * that does not fit `schema` throws `playground_protocol`.
 */
export async function playgroundRequest(base: string, method: string, path: string, body?: unknown): Promise<unknown>;
export async function playgroundRequest<T>(base: string, method: string, path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
export async function playgroundRequest<T>(base: string, method: string, path: string, body?: unknown, schema?: z.ZodType<T>): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const json = text === '' ? null : parseOrKeep(text);
  if (!res.ok) {
    const err = errorBody.safeParse(json);
    const what = err.success ? `${err.data.code}${err.data.message ? `: ${err.data.message}` : ''}` : text.slice(0, 300);
    throw new AppError('playground_http', `${method} ${path} answered ${res.status} ${what}`, { details: { status: res.status, body: json } });
  }
  if (!schema) return json;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError('playground_protocol', `${method} ${path} answered an unexpected body: ${text.slice(0, 300)}`, { cause: parsed.error });
  return parsed.data;
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
