/** Where the request log line of one answered request goes. */
export type RequestLogLevel = 'error' | 'info' | 'debug';

/** Asked every few seconds by probes, the mailbox page, the development host: only worth a line when debugging. */
const POLLED_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics', '/sandbox/mail', '/sandbox/mail.json']);
/** Files of the tab and the development host: a page load fetches several. */
const STATIC_PREFIXES = ['/tab/', '/dev/'];
/** The embedded sandbox plays AFAS: its answers, errors included, are AFAS's; the product logs what they mean. */
const SANDBOX_PREFIX = '/sandbox/';
/** The bot endpoint writes its own rate-limited line for each request it refuses (bot/bot-endpoint.ts). */
const BOT_ENDPOINT = '/api/messages';

/**
 * The level of a request's log line: failures of the product at error; polling, health checks,
 * static files, the sandbox's successful answers and the bot endpoint's refusals (already logged,
 * rate-limited, by the endpoint) at debug; everything else, including a
 * user's mistake (a wrong activation code is AFAS's 500 from the sandbox), at info.
 */
export function requestLogLevel(request: { readonly method: string; readonly path: string; readonly status: number }): RequestLogLevel {
  const { method, path, status } = request;
  if (path.startsWith(SANDBOX_PREFIX) && !POLLED_PATHS.has(path)) return status < 400 ? 'debug' : 'info';
  if (path === BOT_ENDPOINT && (status === 503 || (status >= 400 && status < 500))) return 'debug';
  if (status >= 500) return 'error';
  const read = method === 'GET' || method === 'HEAD';
  if (read && status < 400 && (POLLED_PATHS.has(path) || STATIC_PREFIXES.some((prefix) => path.startsWith(prefix)))) return 'debug';
  return 'info';
}
