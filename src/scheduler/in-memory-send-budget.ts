import { CONVERSATION_SEND_LIMITS, TENANT_COLD_START, TENANT_PACING_FACTOR, TENANT_SEND_LIMITS, WINDOW_SAFETY_MARGIN_MS, type RateLimit } from '../domain/teams-limits';
import type { SendBudget, SlotGrant } from '../ports/send-budget';
import { SlotLog } from './slot-log';

export interface SendBudgetLimits {
  readonly tenant: readonly RateLimit[];
  readonly conversation: readonly RateLimit[];
  readonly marginMs: number;
  /** Least gap between two slots of a tenant; 0 = none. */
  readonly tenantPaceMs: number;
  /** Wider pacing for a tenant's first second after a quiet spell. */
  readonly tenantColdStart?: { readonly factor: number; readonly spanMs: number };
}

/** Teams' tightest tenant limit spread evenly, with the pacing factor's slack (21.4 ms). */
export const TENANT_PACE_MS = Math.max(...TENANT_SEND_LIMITS.map((l) => l.windowMs / l.limit)) * TENANT_PACING_FACTOR;

export const TEAMS_BUDGET: SendBudgetLimits = {
  tenant: TENANT_SEND_LIMITS,
  conversation: CONVERSATION_SEND_LIMITS,
  marginMs: WINDOW_SAFETY_MARGIN_MS,
  tenantPaceMs: TENANT_PACE_MS,
  tenantColdStart: TENANT_COLD_START,
};

/** Idle logs are swept this often, so memory follows the conversations that sent lately. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Teams' budgets counted in this process: a slot log per tenant and per conversation. A slot is
 * booked only when both allow it; when the conversation's own limits are what holds a message
 * back, nothing is booked, so one busy chat never holds up the tenant's queue. A tenant's slots
 * are paced evenly (about 21 ms apart): fifty requests leaving in the same millisecond would reach
 * Teams spread out and could straddle its one-second window; even spacing leaves slack everywhere.
 */
export class InMemorySendBudget implements SendBudget {
  private readonly tenants = new Map<string, { log: SlotLog; pausedUntil: number }>();
  private readonly conversations = new Map<string, SlotLog>();
  private lastSweep = 0;

  constructor(private readonly limits: SendBudgetLimits = TEAMS_BUDGET) {}

  async reserve(tenantId: string, conversationKey: string, now: Date): Promise<SlotGrant> {
    const nowMs = now.getTime();
    this.sweep(nowMs);
    const tenant = this.tenant(tenantId);
    const conversation = this.conversation(conversationKey);
    const tenantAt = tenant.log.earliest(Math.max(nowMs, tenant.pausedUntil));
    const conversationAt = conversation.earliest(nowMs);
    // Paced slots fall between milliseconds; Dates are rounded up, never down (a time rounded down would be refused again).
    if (conversationAt > tenantAt) return { booked: false, retryAt: new Date(Math.ceil(conversationAt)) };
    tenant.log.book(tenantAt);
    conversation.book(tenantAt);
    return { booked: true, at: new Date(Math.ceil(tenantAt)) };
  }

  async pauseTenant(tenantId: string, until: Date): Promise<void> {
    const tenant = this.tenant(tenantId);
    tenant.pausedUntil = Math.max(tenant.pausedUntil, until.getTime());
  }

  async tenantPausedUntil(tenantId: string, now: Date): Promise<Date | null> {
    const until = this.tenants.get(tenantId)?.pausedUntil ?? 0;
    return until > now.getTime() ? new Date(until) : null;
  }

  async tenantBookedUntil(tenantId: string): Promise<Date | null> {
    const last = this.tenants.get(tenantId)?.log.last ?? null;
    return last === null ? null : new Date(last);
  }

  private tenant(id: string): { log: SlotLog; pausedUntil: number } {
    let tenant = this.tenants.get(id);
    if (!tenant) {
      const { marginMs, tenantPaceMs: paceMs, tenantColdStart: coldStart } = this.limits;
      tenant = { log: new SlotLog(this.limits.tenant, { marginMs, paceMs, coldStart }), pausedUntil: 0 };
      this.tenants.set(id, tenant);
    }
    return tenant;
  }

  private conversation(key: string): SlotLog {
    let log = this.conversations.get(key);
    if (!log) {
      log = new SlotLog(this.limits.conversation, { marginMs: this.limits.marginMs });
      this.conversations.set(key, log);
    }
    return log;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, log] of this.conversations) if (log.prune(now)) this.conversations.delete(key);
    for (const [id, tenant] of this.tenants) if (tenant.log.prune(now) && tenant.pausedUntil <= now) this.tenants.delete(id);
  }
}
