import { later, T0, user, type ContractContext } from './contract-context';

export function deliveriesContract(ctx: ContractContext): void {
  describe('delivery ledger', () => {
    const jan = user('jan');
    const piet = user('piet');

    it('a second planDelivery of the same item returns nothing, so a retried poll never notifies twice', async () => {
      expect(await ctx.storage.deliveries.planDelivery(jan, 'signal', ['s1', 's2'], T0)).toEqual(['s1', 's2']);
      expect(await ctx.storage.deliveries.planDelivery(jan, 'signal', ['s2', 's1'], later(1))).toEqual([]);
    });

    it('pollers planning the same items at once: each item goes to exactly one of them', async () => {
      for (let round = 0; round < 3; round++) {
        const ids = Array.from({ length: 450 }, (_v, i) => `r${round}-s${i}`);
        const shuffled = [...ids].sort(() => Math.random() - 0.5);
        const results = await Promise.all([ids, [...ids].reverse(), shuffled].map((batch) => ctx.storage.deliveries.planDelivery(jan, 'signal', batch, T0)));
        expect(results.flat().sort()).toEqual([...ids].sort());
      }
    });

    it('retryFailed moves only failed entries back to to_deliver, each to one of two callers at once', async () => {
      await ctx.storage.deliveries.planDelivery(jan, 'signal', ['f1', 'f2', 'd1', 'p1'], T0);
      await ctx.storage.deliveries.setState(jan, 'signal', ['f1', 'f2'], 'failed', later(1));
      await ctx.storage.deliveries.setState(jan, 'signal', ['d1'], 'delivered', later(1));
      await ctx.storage.deliveries.markSeen(jan, 'signal', ['s1'], T0);
      const results = await Promise.all([0, 1].map(() => ctx.storage.deliveries.retryFailed(jan, 'signal', ['p1', 'd1', 's1', 'f2', 'f1', 'none'], later(2))));
      expect(results.flat().sort()).toEqual(['f1', 'f2']);
      const pending = await ctx.storage.deliveries.pending({ user: jan, limit: 10 });
      expect(pending.map((e) => [e.itemId, e.attempts])).toEqual([['f1', 1], ['f2', 1], ['p1', 0]]);
      expect(await ctx.storage.deliveries.retryFailed(piet, 'signal', ['f1'], later(3))).toEqual([]);
    });

    it('plans only the new ids of a mixed batch, in the order asked, ignoring duplicates in the batch', async () => {
      await ctx.storage.deliveries.markSeen(jan, 'task', ['t1'], T0);
      expect(await ctx.storage.deliveries.planDelivery(jan, 'task', ['t3', 't1', 't2', 't3'], later(1))).toEqual(['t3', 't2']);
    });

    it('items already seen are never planned, so the first poll after activation sends nothing old', async () => {
      await ctx.storage.deliveries.markSeen(jan, 'signal', ['old1', 'old2'], T0);
      expect(await ctx.storage.deliveries.planDelivery(jan, 'signal', ['old1', 'old2'], later(1))).toEqual([]);
      expect(await ctx.storage.deliveries.pending({ limit: 10 })).toEqual([]);
    });

    it('markSeen leaves an item already planned as it was', async () => {
      await ctx.storage.deliveries.planDelivery(jan, 'signal', ['s1'], T0);
      await ctx.storage.deliveries.markSeen(jan, 'signal', ['s1'], later(1));
      expect(await ctx.storage.deliveries.pending({ user: jan, limit: 10 })).toMatchObject([{ itemId: 's1', state: 'to_deliver' }]);
    });

    it('knows which ids it has for a user and kind, whatever their state, and not for others', async () => {
      await ctx.storage.deliveries.markSeen(jan, 'task', ['t1'], T0);
      await ctx.storage.deliveries.planDelivery(jan, 'task', ['t2'], T0);
      await ctx.storage.deliveries.planDelivery(jan, 'signal', ['t3'], T0);
      await ctx.storage.deliveries.planDelivery(piet, 'task', ['t4'], T0);
      expect(await ctx.storage.deliveries.known(jan, 'task', ['t1', 't2', 't3', 't4', 't5'])).toEqual(new Set(['t1', 't2']));
      expect(await ctx.storage.deliveries.known(jan, 'task', [])).toEqual(new Set());
    });

    it('handles batches larger than one statement can bind', async () => {
      const ids = Array.from({ length: 1234 }, (_v, i) => `item-${i}`);
      expect(await ctx.storage.deliveries.planDelivery(jan, 'task', ids, T0)).toHaveLength(1234);
      expect((await ctx.storage.deliveries.known(jan, 'task', ids)).size).toBe(1234);
      await ctx.storage.deliveries.setState(jan, 'task', ids, 'delivered', later(1));
      expect(await ctx.storage.deliveries.pending({ limit: 5000 })).toEqual([]);
    });

    it('pending lists to_deliver entries oldest first, per user or for everyone, up to the limit', async () => {
      await ctx.storage.deliveries.planDelivery(piet, 'task', ['p1'], later(2000));
      await ctx.storage.deliveries.planDelivery(jan, 'signal', ['j1'], later(1000));
      await ctx.storage.deliveries.planDelivery(jan, 'task', ['j2'], later(3000));
      await ctx.storage.deliveries.markSeen(jan, 'task', ['j0'], T0);
      const all = await ctx.storage.deliveries.pending({ limit: 10 });
      expect(all.map((e) => e.itemId)).toEqual(['j1', 'p1', 'j2']);
      expect(all[0]).toEqual({ user: jan, kind: 'signal', itemId: 'j1', state: 'to_deliver', attempts: 0, createdAt: later(1000), updatedAt: later(1000) });
      expect((await ctx.storage.deliveries.pending({ limit: 2 })).map((e) => e.itemId)).toEqual(['j1', 'p1']);
      expect((await ctx.storage.deliveries.pending({ user: jan, limit: 10 })).map((e) => e.itemId)).toEqual(['j1', 'j2']);
    });

    it('a retry counts an attempt; delivering or failing ends pending without counting one', async () => {
      await ctx.storage.deliveries.planDelivery(jan, 'signal', ['s1', 's2'], T0);
      await ctx.storage.deliveries.setState(jan, 'signal', ['s1'], 'to_deliver', later(10));
      await ctx.storage.deliveries.setState(jan, 'signal', ['s1'], 'to_deliver', later(20));
      expect(await ctx.storage.deliveries.pending({ limit: 10 })).toMatchObject([
        { itemId: 's1', attempts: 2, createdAt: T0, updatedAt: later(20) },
        { itemId: 's2', attempts: 0 },
      ]);
      await ctx.storage.deliveries.setState(jan, 'signal', ['s1'], 'delivered', later(30));
      await ctx.storage.deliveries.setState(jan, 'signal', ['s2'], 'failed', later(30));
      expect(await ctx.storage.deliveries.pending({ limit: 10 })).toEqual([]);
      const [row] = await ctx.raw.query(`SELECT state, attempts, updated_at FROM deliveries WHERE item_id = 's1'`);
      expect(row).toEqual({ state: 'delivered', attempts: 2, updated_at: later(30).getTime() });
    });

    it('setState ignores ids the ledger does not know instead of inventing entries', async () => {
      await ctx.storage.deliveries.setState(jan, 'signal', ['ghost'], 'delivered', T0);
      expect(await ctx.storage.deliveries.hasAny(jan)).toBe(false);
    });

    it('hasAny is false before the first poll and true after it, per user', async () => {
      expect(await ctx.storage.deliveries.hasAny(jan)).toBe(false);
      await ctx.storage.deliveries.markSeen(jan, 'task', ['t1'], T0);
      expect(await ctx.storage.deliveries.hasAny(jan)).toBe(true);
      expect(await ctx.storage.deliveries.hasAny(piet)).toBe(false);
    });

    it('an entry of an unknown kind is a corrupt row', async () => {
      await ctx.storage.deliveries.planDelivery(jan, 'signal', ['s1'], T0);
      await ctx.raw.execute(`UPDATE deliveries SET kind = 'memo'`);
      await expect(ctx.storage.deliveries.pending({ limit: 10 })).rejects.toMatchObject({ code: 'storage_corrupt_row' });
    });
  });
}
