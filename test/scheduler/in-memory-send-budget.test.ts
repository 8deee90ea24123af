import { InMemorySendBudget, TENANT_PACE_MS } from '../../src/scheduler/in-memory-send-budget';
import type { SlotGrant } from '../../src/ports/send-budget';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const slot = (grant: SlotGrant) => (grant.booked ? grant.at.getTime() - T0 : `retry ${grant.retryAt.getTime() - T0}`);

/** The most slots in any one-second window. */
function busiestSecond(slots: readonly number[]): number {
  return Math.max(...slots.map((s) => slots.filter((t) => t >= s && t < s + 1000).length));
}

async function book(budget: InMemorySendBudget, count: number, tenant = 't1', from = 0): Promise<number[]> {
  const slots: number[] = [];
  for (let i = 0; i < count; i++) {
    const grant = await budget.reserve(tenant, `c${i}`, at(from));
    if (!grant.booked) throw new Error('a fresh conversation is never what holds a slot back');
    slots.push(grant.at.getTime() - T0);
  }
  return slots;
}

describe('the Teams send budget', () => {
  it('hands out slots to a tenant in order, about 21 ms apart (32 ms in its first second after a quiet spell), never more than 47 in a second', async () => {
    expect(TENANT_PACE_MS).toBeCloseTo(21.4);
    const slots = await book(new InMemorySendBudget(), 200);
    const gaps = slots.slice(1).map((t, i) => t - slots[i]);
    expect(slots[0]).toBe(0);
    expect(gaps.every((gap) => gap >= 21)).toBe(true);
    expect(new Set(gaps.filter((_gap, i) => slots[i] < 1000))).toEqual(new Set([32, 33]));
    expect(new Set(gaps.filter((_gap, i) => slots[i] > 1100))).toEqual(new Set([21, 22]));
    expect(busiestSecond(slots)).toBe(47);
  });

  it('keeps a tenant within 50 in any second (plus a safety margin) even without pacing', async () => {
    const budget = new InMemorySendBudget({ tenant: [{ limit: 50, windowMs: 1000 }], conversation: [], marginMs: 50, tenantPaceMs: 0 });
    expect(await book(budget, 120)).toEqual([...Array(50).fill(0), ...Array(50).fill(1050), ...Array(20).fill(2100)]);
  });

  it('keeps tenants apart', async () => {
    const budget = new InMemorySendBudget();
    const first = await book(budget, 50);
    expect(slot(await budget.reserve('t2', 'x', at(0)))).toBe(0);
    expect(slot(await budget.reserve('t1', 'y', at(0)))).toBeGreaterThan(first[49]);
  });

  it('keeps one conversation to 7 a second and 8 in two seconds, without holding up the tenant', async () => {
    const budget = new InMemorySendBudget();
    const slots: (number | string)[] = [];
    for (let i = 0; i < 8; i++) slots.push(slot(await budget.reserve('t1', 'chat', at(0))));
    expect(slots.slice(0, 7).every((s) => typeof s === 'number' && s < 250)).toBe(true);
    expect(slots[7]).toBe('retry 1050');
    expect(slot(await budget.reserve('t1', 'other', at(0)))).toBeLessThan(300);
    expect(slot(await budget.reserve('t1', 'chat', at(1050)))).toBe(1050);
    expect(slot(await budget.reserve('t1', 'chat', at(1050)))).toBe('retry 2050');
  });

  it('keeps one conversation to 60 in 30 seconds and 1800 an hour', async () => {
    const budget = new InMemorySendBudget();
    let now = 0;
    const booked: number[] = [];
    while (booked.length < 61) {
      const grant = await budget.reserve('t1', 'chat', at(now));
      if (grant.booked) booked.push(grant.at.getTime() - T0);
      now = grant.booked ? grant.at.getTime() - T0 : grant.retryAt.getTime() - T0;
    }
    expect(booked[60] - booked[0]).toBeGreaterThanOrEqual(30_000);

    const hourly = new InMemorySendBudget({ tenant: [{ limit: 50, windowMs: 1000 }], conversation: [{ limit: 1800, windowMs: 3_600_000 }], marginMs: 0, tenantPaceMs: 0 });
    for (let i = 0; i < 1800; i++) await hourly.reserve('t1', 'chat', at(i * 100));
    expect(slot(await hourly.reserve('t1', 'chat', at(180_000)))).toBe('retry 3600000');
  });

  it('after a 429 books nothing for the tenant before the pause ends', async () => {
    const budget = new InMemorySendBudget();
    await budget.pauseTenant('t1', at(7000));
    expect((await budget.tenantPausedUntil('t1', at(10)))?.getTime()).toBe(T0 + 7000);
    expect(slot(await budget.reserve('t1', 'chat', at(10)))).toBe(7000);
    expect(await budget.tenantPausedUntil('t1', at(7000))).toBeNull();
  });

  it('tells how far the tenant has booked ahead', async () => {
    const budget = new InMemorySendBudget();
    expect(await budget.tenantBookedUntil('t1')).toBeNull();
    const slots = await book(budget, 10);
    expect((await budget.tenantBookedUntil('t1'))!.getTime() - T0).toBeCloseTo(slots[9], -1);
  });
});
