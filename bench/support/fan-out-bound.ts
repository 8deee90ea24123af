/** The notification benchmarks' far ends: AFAS answers after this, 8 calls in flight per environment; Teams takes 50 a second per tenant. */
export const FAN_OUT = Object.freeze({ latencyMs: 50, teamsPerSecond: 50, afasInFlight: 8 });

/**
 * The exact lower bound of a fan-out in which each of a tenant's users has one new signal: the
 * k-th send of a tenant (0-based) cannot arrive before floor(k / 50) s, nor before its user's poll,
 * ceil((k + 1) / 8) × 50 ms; tenants run in parallel.
 */
export function exactBoundMs(usersPerTenant: number): number {
  const n = usersPerTenant;
  return Math.max(Math.floor((n - 1) / FAN_OUT.teamsPerSecond) * 1000, Math.ceil(n / FAN_OUT.afasInFlight) * FAN_OUT.latencyMs);
}
