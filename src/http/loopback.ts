import type { Request } from 'restify';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * True only for a request made on this machine to a loopback name: the socket peer is loopback,
 * no proxy header says it was forwarded (a tunnel or reverse proxy on this machine would otherwise
 * look local), and the Host is loopback too (a DNS-rebinding page cannot pass for local).
 */
export function isLoopbackRequest(req: Request): boolean {
  const peer = req.socket?.remoteAddress ?? '';
  if (!LOOPBACK_ADDRESSES.has(peer)) return false;
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-forwarded-host'] !== undefined) return false;
  return LOOPBACK_HOST.test(req.headers.host ?? '');
}
