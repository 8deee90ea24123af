import type { Redis } from 'ioredis';
import type { RateLimit } from '../domain/teams-limits';
import type { SendBudget, SlotGrant } from '../ports/send-budget';
import { runScript } from './redis-connection';
import { PAUSE_SCRIPT, RESERVE_SCRIPT } from './send-budget-script';

/** The same shape as the in-process budget's limits (TEAMS_BUDGET). */
export interface SharedBudgetLimits {
  readonly tenant: readonly RateLimit[];
  readonly conversation: readonly RateLimit[];
  readonly marginMs: number;
  readonly tenantPaceMs: number;
  readonly tenantColdStart?: { readonly factor: number; readonly spanMs: number };
}

/**
 * Teams' budgets shared by every replica: each tenant's and conversation's slots are a list in
 * Redis, booked by one atomic script, so 50/s per tenant and 7/1 s, 8/2 s, 60/30 s, 1800/h per
 * conversation hold for the app as a whole. Slots are booked ahead (a schedule, not a gate), which
 * is why this is a script of its own rather than a counting rate limiter.
 * Hash tags keep a tenant's keys on one Redis Cluster slot with its conversations'.
 */
export class RedisSendBudget implements SendBudget {
  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly limits: SharedBudgetLimits) {}

  async reserve(tenantId: string, conversationKey: string, now: Date): Promise<SlotGrant> {
    const { limits } = this;
    const keys = [this.key('t', tenantId), this.key('tm', tenantId), `${this.prefix}:sb:c:{${tenantId}}:${conversationKey}`];
    const args = [
      now.getTime(),
      limits.marginMs,
      limits.tenantPaceMs,
      limits.tenantColdStart?.factor ?? 1,
      limits.tenantColdStart?.spanMs ?? 0,
      ...flatten(limits.tenant),
      ...flatten(limits.conversation),
    ];
    const [booked, at] = (await runScript(this.redis, RESERVE_SCRIPT, keys, args)) as [number, string];
    // Paced slots fall between milliseconds; Dates are rounded up, never down (a time rounded down would be refused again).
    const when = new Date(Math.ceil(Number(at)));
    return booked === 1 ? { booked: true, at: when } : { booked: false, retryAt: when };
  }

  async pauseTenant(tenantId: string, until: Date): Promise<void> {
    await runScript(this.redis, PAUSE_SCRIPT, [this.key('tm', tenantId)], [until.getTime()]);
  }

  async tenantPausedUntil(tenantId: string, now: Date): Promise<Date | null> {
    const until = Number((await this.redis.hget(this.key('tm', tenantId), 'paused')) ?? 0);
    return until > now.getTime() ? new Date(Math.ceil(until)) : null;
  }

  async tenantBookedUntil(tenantId: string): Promise<Date | null> {
    const last = await this.redis.lindex(this.key('t', tenantId), -1);
    return last === null ? null : new Date(Math.ceil(Number(last)));
  }

  private key(kind: string, tenantId: string): string {
    return `${this.prefix}:sb:${kind}:{${tenantId}}`;
  }
}

function flatten(list: readonly RateLimit[]): number[] {
  return [list.length, ...list.flatMap((l) => [l.limit, l.windowMs])];
}
