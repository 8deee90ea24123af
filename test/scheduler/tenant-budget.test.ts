import { baselineId } from '../../src/domain/notification';
import { FakeWorkItemSource } from '../fakes/fake-work-item-source';
import { workItem } from '../support/work-items';
import { MINUTE, NotificationHarness, TENANT } from '../support/notification-harness';

const USERS = 1000;
const TENANT_BUDGET = 50;

/** The most requests the connector saw in any one-second window. */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('Teams budgets with many users in one tenant', () => {
  it(`sends ${USERS} users one new signal each without any second over the tenant budget, and without a 429`, async () => {
    const source = new FakeWorkItemSource();
    const h = await NotificationHarness.start({ source, connector: { tenantRequestsPerSecond: TENANT_BUDGET } });
    try {
      for (let i = 0; i < USERS; i++) {
        const user = await h.activate(`aad-${i}`, `user${i}@contoso.example`);
        const activation = (await h.storage.activations.get(user))!;
        // Their first poll happened before: the ledger knows the baseline.
        await h.storage.deliveries.markSeen(user, 'signal', [baselineId(activation.activatedAt)], h.clock.now());
        source.add((await h.storage.activations.getToken(user))!, workItem({ kind: 'signal', id: `sig-${i}`, title: `Signaal ${i}`, fields: {} }));
      }
      const start = h.clock.now().getTime();
      await h.startEngine();
      await h.drive(2 * MINUTE);

      const times = h.connector.requests.map((r) => r.at);
      expect(h.connector.requests.filter((r) => r.status !== 201)).toEqual([]);
      expect(busiestSecond(times)).toBeLessThanOrEqual(TENANT_BUDGET);
      expect(new Set(h.connector.received.map((r) => r.conversationId)).size).toBe(USERS);
      expect(h.connector.received).toHaveLength(USERS);
      expect(h.connector.requests.every((r) => r.tenantId === TENANT)).toBe(true);
      // Near the budget, not far below it: 1,000 sends paced at 46.7/s take about 21.7 s.
      expect(Math.max(...times) - start).toBeLessThan(23_000);
      expect(Math.max(...times) - start).toBeGreaterThanOrEqual(19_000);
    } finally {
      await h.close();
    }
  }, 60_000);
});
