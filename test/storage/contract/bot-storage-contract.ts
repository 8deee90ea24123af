import { MemoryStorage, type Storage as BotStorage, type StoreItems } from 'botbuilder';
import { SqlBotStorage } from '../../../bot/state/sql-bot-storage';
import type { ContractContext } from './contract-context';

/** The same script against botbuilder's MemoryStorage and ours: they must agree. */
async function script(storage: BotStorage): Promise<unknown[]> {
  const log: unknown[] = [];
  const outcome = (p: Promise<unknown>) => p.then(() => 'ok', () => 'conflict');
  await storage.write({ a: { count: 1 }, 'crazy key/with:chars?&#': { v: 'x' } });
  const first: StoreItems = await storage.read(['a', 'crazy key/with:chars?&#', 'unknown']);
  log.push(Object.keys(first).sort(), first.a.count, first['crazy key/with:chars?&#'].v, typeof first.a.eTag);
  log.push(await outcome(storage.write({ a: { ...first.a, count: 2 } })));
  log.push(await outcome(storage.write({ a: { ...first.a, count: 3 } })));
  log.push(await outcome(storage.write({ a: { count: 4, eTag: '*' } })));
  log.push(await outcome(storage.write({ a: { count: 5 } })));
  const second: StoreItems = await storage.read(['a']);
  log.push(second.a.count);
  log.push(await outcome(storage.write({ a: { ...second.a, count: 6 } })));
  await storage.delete(['a', 'unknown']);
  log.push(await storage.read(['a']));
  return log;
}

export function botStorageContract(ctx: ContractContext): void {
  describe('botbuilder Storage adapter', () => {
    it('behaves like botbuilder MemoryStorage for writes, stale eTags, * and deletes', async () => {
      const expected = await script(new MemoryStorage());
      expect(await script(new SqlBotStorage(ctx.storage.state))).toEqual(expected);
      expect(expected).toEqual([['a', 'crazy key/with:chars?&#'], 1, 'x', 'string', 'ok', 'conflict', 'ok', 'ok', 5, 'ok', {}]);
    });

    it('a stale eTag rejects with storage_etag_conflict and leaves the stored item alone', async () => {
      const storage = new SqlBotStorage(ctx.storage.state);
      await storage.write({ k: { n: 1 } });
      const read = await storage.read(['k']);
      await storage.write({ k: { ...read.k, n: 2 } });
      await expect(storage.write({ k: { ...read.k, n: 3 } })).rejects.toMatchObject({ code: 'storage_etag_conflict' });
      expect((await storage.read(['k'])).k.n).toBe(2);
    });

    it('reads hand back fresh copies with the stored eTag; the eTag is not kept inside the value', async () => {
      const storage = new SqlBotStorage(ctx.storage.state);
      const item = { nested: { list: [1, 2] }, when: new Date('2026-03-02T08:00:00Z') };
      await storage.write({ k: item });
      const read = await storage.read(['k']);
      read.k.nested.list.push(3);
      expect((await storage.read(['k'])).k).toEqual({ nested: { list: [1, 2] }, when: '2026-03-02T08:00:00.000Z', eTag: read.k.eTag });
      expect((await ctx.storage.state.read(['k'])).k.value).toEqual({ nested: { list: [1, 2] }, when: '2026-03-02T08:00:00.000Z' });
    });

    it("an empty eTag writes unconditionally, as botbuilder's stores treat it", async () => {
      const storage = new SqlBotStorage(ctx.storage.state);
      await storage.write({ k: { n: 1 } });
      await storage.write({ k: { n: 2, eTag: '' } });
      expect((await storage.read(['k'])).k.n).toBe(2);
    });

    it('dialog state written through ConversationState survives a restart', async () => {
      const { ConversationState, TestAdapter } = await import('botbuilder');
      const run = async (bot: BotStorage): Promise<number> => {
        const state = new ConversationState(bot);
        const counter = state.createProperty<number>('counter');
        let seen = 0;
        const adapter = new TestAdapter(async (context) => {
          seen = (await counter.get(context, 0)) + 1;
          await counter.set(context, seen);
          await state.saveChanges(context);
        });
        await adapter.send('hi');
        return seen;
      };
      expect(await run(new SqlBotStorage(ctx.storage.state))).toBe(1);
      expect(await run(new SqlBotStorage((await ctx.reopen()).state))).toBe(2);
    });
  });
}
