import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};
const SAFE_NAME = /^[a-z0-9][a-z0-9.-]*\.(html|js|css|map|svg|png)$/;

interface Cached {
  readonly mtimeMs: number;
  readonly body: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
}

/**
 * Built browser files from one directory: a fixed set of safe names, gzip when the browser takes
 * it, ETag revalidation (names are not content-hashed, so nothing is cached without asking).
 * Files are re-read when they change, so `npm run build:tab` needs no restart.
 */
export class StaticAssets {
  private readonly cache = new Map<string, Cached>();

  /** `sourceMaps`: whether `*.map` files are served (default true; a 404 otherwise, as if not built). */
  constructor(private readonly dir: string, private readonly options: { readonly sourceMaps?: boolean } = {}) {}

  /** Writes the file, or 404 when it is not there (for example before the first build). */
  async send(req: Request, res: Response, name: string, headers: Readonly<Record<string, string>> = {}): Promise<void> {
    if (name.endsWith('.map') && this.options.sourceMaps === false) {
      res.send(404, { code: 'not_found', message: 'Not found.' });
      return;
    }
    const file = SAFE_NAME.test(name) ? await this.load(name) : null;
    if (!file) {
      res.send(404, { code: 'not_found', message: 'Not built: run npm run build:tab.' });
      return;
    }
    const extension = name.slice(name.lastIndexOf('.') + 1);
    res.setHeader('Content-Type', TYPES[extension] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', file.etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Vary', 'Accept-Encoding');
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzipped : file.body;
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.writeHead(200);
    res.end(body);
  }

  private async load(name: string): Promise<Cached | null> {
    const path = join(this.dir, name);
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(path)).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const cached = this.cache.get(name);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const body = await readFile(path);
    const fresh: Cached = { mtimeMs, body, gzipped: gzipSync(body, { level: 9 }), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    this.cache.set(name, fresh);
    return fresh;
  }
}
