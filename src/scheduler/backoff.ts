import { SEND_RETRY } from '../domain/teams-limits';

/** Random source in [0, 1): `Math.random` in production, a seeded one in tests. */
export type Random = () => number;

/** A failed poll waits the interval times 2^(failures-1), up to an hour, with ±20 % jitter. */
export const MAX_POLL_BACKOFF_MS = 3_600_000;

export function nextPollDelay(intervalMs: number, failures: number, random: Random): number {
  const base = failures <= 0 ? intervalMs : Math.min(MAX_POLL_BACKOFF_MS, intervalMs * 2 ** (failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Teams send retries: full jitter over min(max, base · 2^(attempt-1)), at least 100 ms. */
export function sendRetryDelay(attempt: number, random: Random): number {
  const ceiling = Math.min(SEND_RETRY.maxDelayMs, SEND_RETRY.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(100, Math.floor(random() * ceiling));
}

/** Spreads a start over `spreadMs` so that users do not move in lockstep. */
export function jitter(spreadMs: number, random: Random): number {
  return Math.floor(random() * Math.max(0, spreadMs));
}
