import { CONVERSATION_SEND_LIMITS, TENANT_SEND_LIMITS, type RateLimit } from '../../src/domain/teams-limits';
import type { RemoteStats } from './remote-ends';

/** What arrived at the Bot Connector, judged from outside the product. */
export interface DeliveryReport {
  readonly cards: number;
  /** Conversations that got no new-signal card. */
  readonly losses: number;
  readonly lost: readonly string[];
  /** Cards beyond the first per conversation. */
  readonly duplicates: number;
  /** When each repeated conversation's first copy arrived. */
  readonly duplicateFirstAt: readonly number[];
  /** The most requests (accepted or refused) one tenant made in any window of its limit. */
  readonly tenantPeak: number;
  /** The connector's 429s. */
  readonly throttled: number;
  /** Conversations that had more requests in some window than Teams allows, with the limit. */
  readonly conversationsOverLimit: readonly string[];
}

/** Every user has one new signal: one card per conversation (`a:<aad object id>`) is expected. */
export function judgeDeliveries(stats: RemoteStats, conversations: readonly string[]): DeliveryReport {
  const cards = stats.received.filter((r) => r.summary.startsWith('Nieuw signaal'));
  const arrivals = new Map<string, number[]>();
  for (const card of cards) arrivals.set(card.conversationId, [...(arrivals.get(card.conversationId) ?? []), card.at]);
  const repeated = [...arrivals.values()].filter((times) => times.length > 1);
  const byTenant = groupTimes(stats.requests, (r) => r.tenantId ?? '?');
  const byConversation = groupTimes(stats.requests, (r) => r.conversationId);
  const lost = conversations.filter((c) => !arrivals.has(c));
  return {
    cards: cards.length,
    losses: lost.length,
    lost,
    duplicates: repeated.reduce((sum, times) => sum + times.length - 1, 0),
    duplicateFirstAt: repeated.map((times) => Math.min(...times)),
    tenantPeak: Math.max(0, ...[...byTenant.values()].map((times) => mostInWindow(times, TENANT_SEND_LIMITS[0].windowMs))),
    throttled: stats.requests.filter((r) => r.status === 429).length,
    conversationsOverLimit: [...byConversation].flatMap(([id, times]) => overLimits(times, CONVERSATION_SEND_LIMITS).map((l) => `${id}: more than ${l.limit} in ${l.windowMs} ms`)),
  };
}

/** The most of `times` (ms) in any half-open window [t, t + windowMs). */
export function mostInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function overLimits(times: readonly number[], limits: readonly RateLimit[]): RateLimit[] {
  return limits.filter((l) => mostInWindow(times, l.windowMs) > l.limit);
}

function groupTimes<R extends { at: number }>(rows: readonly R[], keyOf: (row: R) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const times = groups.get(key) ?? [];
    times.push(row.at);
    groups.set(key, times);
  }
  return groups;
}
