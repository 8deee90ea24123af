import { applyMigrations, MIGRATIONS } from '../../../src/storage/migrations';
import { activation, connection, rejection, T0, user, type ContractContext } from './contract-context';

export function lifecycleContract(ctx: ContractContext): void {
  describe('lifecycle', () => {
    it('survives a reopen of the same database: every store reads what was written before', async () => {
      const jan = user('jan');
      const before = ctx.storage;
      await before.connections.save(connection({ isDefault: true }));
      await before.connections.setSecrets('conn-1', { apiKey: 'k', environmentKey: 'e' });
      await before.activations.save(activation(jan), 'token');
      await before.conversations.save(jan, { channelId: 'msteams' }, T0);
      await before.deliveries.planDelivery(jan, 'signal', ['s1'], T0);
      await before.audit.append({ at: T0, actor: 'system', action: 'test', target: 'x', details: {} });
      await before.state.write([{ key: 'k', value: { n: 1 } }]);
      await before.accessRules.save({ tenantId: 'tenant-a', connectionId: 'conn-1', mode: 'listed', entries: [{ upn: 'jan@contoso.nl', aadObjectId: null }], updatedBy: 'x', updatedAt: T0 });
      await before.owners.add({ tenantId: null, upn: 'owner@contoso.nl', aadObjectId: null, displayName: null, source: 'config', addedBy: 'config', addedAt: T0 });

      const after = await ctx.reopen();
      expect(await after.connections.get('conn-1')).toEqual(connection({ isDefault: true }));
      expect(await after.connections.getSecrets('conn-1')).toEqual({ apiKey: 'k', environmentKey: 'e' });
      expect(await after.activations.getToken(jan)).toBe('token');
      expect((await after.conversations.get(jan))?.reference).toEqual({ channelId: 'msteams' });
      expect(await after.deliveries.planDelivery(jan, 'signal', ['s1'], T0)).toEqual([]);
      expect(await after.audit.list({ limit: 5 })).toHaveLength(1);
      expect((await after.state.read(['k'])).k.value).toEqual({ n: 1 });
      expect((await after.accessRules.get('tenant-a', 'conn-1'))?.entries).toEqual([{ upn: 'jan@contoso.nl', aadObjectId: null }]);
      expect((await after.owners.list()).map((o) => o.upn)).toEqual(['owner@contoso.nl']);
    });

    it('applying the migrations again does nothing, and each one is recorded once', async () => {
      expect(await applyMigrations(ctx.raw)).toEqual([]);
      const rows = await ctx.raw.query('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows.map((r) => Number(r.id))).toEqual(MIGRATIONS.map((m) => m.id));
    });

    it('a transaction that throws leaves nothing behind and rethrows the original error', async () => {
      const boom = new Error('boom');
      await expect(
        ctx.raw.transaction(async (tx) => {
          await tx.execute(`INSERT INTO bot_state (key, value, etag) VALUES ('tx', '1', 'e')`);
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await ctx.raw.query(`SELECT key FROM bot_state WHERE key = 'tx'`)).toEqual([]);
    });

    it('a statement error carries storage_query_failed and the engine', async () => {
      const error = await rejection(ctx.raw.query('SELECT nope FROM nowhere'));
      expect(error.code).toBe('storage_query_failed');
      expect(error.details.engine).toBe(ctx.storage.engine);
    });

    it('ping answers while open and fails once closed', async () => {
      await expect(ctx.storage.ping()).resolves.toBeUndefined();
      await ctx.storage.close();
      await expect(ctx.storage.ping()).rejects.toMatchObject({ code: expect.stringMatching(/^storage_(query_failed|unavailable)$/) });
    });
  });
}
