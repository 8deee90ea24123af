import { later, rejection, T0, type ContractContext } from './contract-context';

export function auditAndStateContract(ctx: ContractContext): void {
  describe('audit log', () => {
    it('lists events newest first with increasing ids and pages back with beforeId', async () => {
      for (let i = 1; i <= 5; i++) {
        await ctx.storage.audit.append({ at: later(i), actor: 'admin@contoso.nl', action: 'connection.update', target: `conn-${i}`, details: { n: i } });
      }
      const first = await ctx.storage.audit.list({ limit: 2 });
      expect(first.map((e) => e.target)).toEqual(['conn-5', 'conn-4']);
      expect(first[0].id).toBeGreaterThan(first[1].id);
      const next = await ctx.storage.audit.list({ limit: 10, beforeId: first[1].id });
      expect(next.map((e) => e.target)).toEqual(['conn-3', 'conn-2', 'conn-1']);
      expect(next[2]).toEqual({ id: next[2].id, at: later(1), actor: 'admin@contoso.nl', action: 'connection.update', target: 'conn-1', details: { n: 1 }, tenantId: null });
    });

    it('orders by insertion even when the event clock goes backwards', async () => {
      await ctx.storage.audit.append({ at: later(5000), actor: 'system', action: 'a', target: 'x', details: {} });
      await ctx.storage.audit.append({ at: T0, actor: 'system', action: 'b', target: 'x', details: {} });
      expect((await ctx.storage.audit.list({ limit: 5 })).map((e) => e.action)).toEqual(['b', 'a']);
    });

    it('keeps nested details as JSON', async () => {
      const details = { changed: ['name', 'environment'], before: { enabled: true }, count: 2, note: null };
      await ctx.storage.audit.append({ at: T0, actor: 'cli:root', action: 'connection.create', target: 'conn-1', details });
      expect((await ctx.storage.audit.list({ limit: 1 }))[0].details).toEqual(details);
    });
  });

  describe('state store', () => {
    it('reads back written JSON with an eTag, and omits keys that do not exist', async () => {
      await ctx.storage.state.write([{ key: 'conv/1', value: { dialogStack: [{ id: 'main', state: { step: 2 } }] } }]);
      const items = await ctx.storage.state.read(['conv/1', 'missing']);
      expect(Object.keys(items)).toEqual(['conv/1']);
      expect(items['conv/1'].value).toEqual({ dialogStack: [{ id: 'main', state: { step: 2 } }] });
      expect(items['conv/1'].eTag).toEqual(expect.any(String));
    });

    it('values round-trip through JSON: dates become strings, undefined fields disappear', async () => {
      await ctx.storage.state.write([{ key: 'k', value: { when: T0, gone: undefined, list: [1, 'two', null] } }]);
      expect((await ctx.storage.state.read(['k'])).k.value).toEqual({ when: T0.toISOString(), list: [1, 'two', null] });
    });

    it('every write gives a new eTag', async () => {
      await ctx.storage.state.write([{ key: 'k', value: 1 }]);
      const first = (await ctx.storage.state.read(['k'])).k.eTag;
      await ctx.storage.state.write([{ key: 'k', value: 1 }]);
      expect((await ctx.storage.state.read(['k'])).k.eTag).not.toBe(first);
    });

    it('a write with the current eTag succeeds; one with a stale eTag fails with storage_etag_conflict', async () => {
      await ctx.storage.state.write([{ key: 'k', value: 'v1' }]);
      const stale = (await ctx.storage.state.read(['k'])).k.eTag;
      await ctx.storage.state.write([{ key: 'k', value: 'v2', expectedETag: stale }]);
      expect((await rejection(ctx.storage.state.write([{ key: 'k', value: 'v3', expectedETag: stale }]))).code).toBe('storage_etag_conflict');
      expect((await ctx.storage.state.read(['k'])).k.value).toBe('v2');
    });

    it("'*' or no eTag writes unconditionally", async () => {
      await ctx.storage.state.write([{ key: 'k', value: 'v1' }]);
      await ctx.storage.state.write([{ key: 'k', value: 'v2', expectedETag: '*' }]);
      await ctx.storage.state.write([{ key: 'new', value: 'n', expectedETag: '*' }]);
      const items = await ctx.storage.state.read(['k', 'new']);
      expect([items.k.value, items.new.value]).toEqual(['v2', 'n']);
    });

    it('an eTag for a document deleted meanwhile is a conflict, not a silent re-create', async () => {
      await ctx.storage.state.write([{ key: 'k', value: 'v1' }]);
      const eTag = (await ctx.storage.state.read(['k'])).k.eTag;
      await ctx.storage.state.delete(['k']);
      expect((await rejection(ctx.storage.state.write([{ key: 'k', value: 'v2', expectedETag: eTag }]))).code).toBe('storage_etag_conflict');
      expect(await ctx.storage.state.read(['k'])).toEqual({});
    });

    it('ifAbsent creates a document only once: a second create is a conflict and leaves the first', async () => {
      await ctx.storage.state.write([{ key: 'first', value: 'a', ifAbsent: true }]);
      expect((await rejection(ctx.storage.state.write([{ key: 'first', value: 'b', ifAbsent: true }]))).code).toBe('storage_etag_conflict');
      expect((await ctx.storage.state.read(['first'])).first.value).toBe('a');
    });

    it('a write with several changes is all-or-nothing when one of them conflicts', async () => {
      await ctx.storage.state.write([{ key: 'a', value: 'a1' }, { key: 'b', value: 'b1' }]);
      const conflicting = [{ key: 'a', value: 'a2' }, { key: 'b', value: 'b2', expectedETag: 'stale' }];
      expect((await rejection(ctx.storage.state.write(conflicting))).code).toBe('storage_etag_conflict');
      const items = await ctx.storage.state.read(['a', 'b']);
      expect([items.a.value, items.b.value]).toEqual(['a1', 'b1']);
    });

    it('delete removes the given keys and ignores unknown ones', async () => {
      await ctx.storage.state.write([{ key: 'a', value: 1 }, { key: 'b', value: 2 }]);
      await ctx.storage.state.delete(['a', 'unknown']);
      expect(Object.keys(await ctx.storage.state.read(['a', 'b']))).toEqual(['b']);
    });

    it('refuses a value JSON cannot represent, with a clear code', async () => {
      expect((await rejection(ctx.storage.state.write([{ key: 'k', value: undefined }]))).code).toBe('storage_invalid_value');
      expect((await rejection(ctx.storage.state.write([{ key: 'k', value: { big: BigInt(1) } }]))).code).toBe('storage_invalid_value');
    });

    it('a document that is not JSON is a corrupt row', async () => {
      await ctx.storage.state.write([{ key: 'k', value: 1 }]);
      await ctx.raw.execute(`UPDATE bot_state SET value = '{oops'`);
      expect((await rejection(ctx.storage.state.read(['k']))).code).toBe('storage_corrupt_row');
    });
  });
}
