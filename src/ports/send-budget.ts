/**
 * A booked send slot, or (when the conversation's own limits are what holds it back) a time to
 * ask again, with nothing booked.
 */
export type SlotGrant = { readonly booked: true; readonly at: Date } | { readonly booked: false; readonly retryAt: Date };

/**
 * Teams' send limits, kept before sending: per tenant (the whole app) and per conversation.
 * Slots are handed out in order, so a tenant with a backlog drains at its limit without any 429.
 * The embedded adapter counts in memory; several replicas need a shared one (Redis), because the
 * tenant limit is for the app as a whole.
 */
export interface SendBudget {
  /** Books the earliest slot at or after `now` that keeps every limit of the tenant and the conversation. */
  reserve(tenantId: string, conversationKey: string, now: Date): Promise<SlotGrant>;
  /** Teams answered 429: nothing more goes to this tenant before `until` (slots booked earlier must be booked again). */
  pauseTenant(tenantId: string, until: Date): Promise<void>;
  /** The end of the tenant's pause, or null when it is not paused at `now`. */
  tenantPausedUntil(tenantId: string, now: Date): Promise<Date | null>;
  /** The last slot booked for the tenant: its backlog of sends lasts until then (null: none booked). */
  tenantBookedUntil(tenantId: string): Promise<Date | null>;
}
