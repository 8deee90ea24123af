import type { RequestHandler } from 'restify';

/**
 * AFAS paths are case-insensitive, restify's router is not. This `pre` handler rewrites any casing
 * of the prefix to the registered one; the rest of the path is matched case-insensitively later.
 */
export function caseInsensitivePrefix(prefix: string): RequestHandler {
  const lower = prefix.toLowerCase();
  return (req, _res, next) => {
    const url = req.url ?? '';
    const head = url.slice(0, prefix.length);
    const boundary = url.charAt(prefix.length);
    if (head !== prefix && head.toLowerCase() === lower && (boundary === '/' || boundary === '?' || boundary === '')) {
      req.url = prefix + url.slice(prefix.length);
    }
    next();
  };
}
