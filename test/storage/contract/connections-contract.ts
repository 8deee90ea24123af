import { AesGcmSecretBox } from '../../../src/secrets/aes-gcm-secret-box';
import { connection, rawText, rejection, type ContractContext } from './contract-context';

const SECRETS = { apiKey: 'api-key-0123456789abcdef', environmentKey: 'env-key-fedcba9876543210' };

export function connectionsContract(ctx: ContractContext): void {
  describe('connections', () => {
    it('returns a saved connection exactly as it was given, field maps and dates included', async () => {
      const saved = connection({ signalFieldMap: { date: 'datum', opened: 'gelezen' }, useDefaultTasksUrl: true, defaultList: 'signal' });
      await ctx.storage.connections.save(saved);
      expect(await ctx.storage.connections.get('conn-1')).toEqual(saved);
    });

    it('answers null for a connection that does not exist', async () => {
      expect(await ctx.storage.connections.get('nope')).toBeNull();
    });

    it('replaces every non-secret field when the same id is saved again', async () => {
      await ctx.storage.connections.save(connection());
      const changed = connection({ name: 'Renamed', enabled: false, taskUrlTemplate: null, tenantId: null });
      await ctx.storage.connections.save(changed);
      expect(await ctx.storage.connections.get('conn-1')).toEqual(changed);
      expect(await ctx.storage.connections.list()).toHaveLength(1);
    });

    it('setting a connection as default clears the tenant\'s previous default, and only that tenant\'s', async () => {
      await ctx.storage.connections.save(connection({ id: 'a1', isDefault: true }));
      await ctx.storage.connections.save(connection({ id: 'b1', tenantId: 'tenant-b', isDefault: true }));
      await ctx.storage.connections.save(connection({ id: 'a2', isDefault: true }));
      const byId = Object.fromEntries((await ctx.storage.connections.list()).map((c) => [c.id, c.isDefault]));
      expect(byId).toEqual({ a1: false, a2: true, b1: true });
    });

    it('keeps one default among the every-tenant connections too', async () => {
      await ctx.storage.connections.save(connection({ id: 'g1', tenantId: null, isDefault: true }));
      await ctx.storage.connections.save(connection({ id: 'g2', tenantId: null, isDefault: true }));
      expect((await ctx.storage.connections.get('g1'))?.isDefault).toBe(false);
      expect((await ctx.storage.connections.get('g2'))?.isDefault).toBe(true);
    });

    it('lists a tenant\'s own connections plus the every-tenant ones, never another tenant\'s', async () => {
      await ctx.storage.connections.save(connection({ id: 'own' }));
      await ctx.storage.connections.save(connection({ id: 'global', tenantId: null }));
      await ctx.storage.connections.save(connection({ id: 'other', tenantId: 'tenant-b' }));
      const ids = (await ctx.storage.connections.listForTenant('tenant-a')).map((c) => c.id).sort();
      expect(ids).toEqual(['global', 'own']);
    });

    it('removes a connection together with its secrets, and says whether there was one', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.storage.connections.setSecrets('conn-1', SECRETS);
      expect(await ctx.storage.connections.remove('conn-1')).toBe(true);
      expect(await ctx.storage.connections.remove('conn-1')).toBe(false);
      expect(await ctx.storage.connections.hasSecrets('conn-1')).toBe(false);
      expect(await ctx.raw.query('SELECT * FROM connection_secrets')).toEqual([]);
    });

    it('gives back the secrets it was given, and knows whether any were set', async () => {
      await ctx.storage.connections.save(connection());
      expect(await ctx.storage.connections.hasSecrets('conn-1')).toBe(false);
      expect(await ctx.storage.connections.getSecrets('conn-1')).toBeNull();
      await ctx.storage.connections.setSecrets('conn-1', SECRETS);
      await ctx.storage.connections.setSecrets('conn-1', { ...SECRETS, apiKey: 'rotated-api-key' });
      expect(await ctx.storage.connections.hasSecrets('conn-1')).toBe(true);
      expect(await ctx.storage.connections.getSecrets('conn-1')).toEqual({ ...SECRETS, apiKey: 'rotated-api-key' });
    });

    it('the API key and environment key are unreadable in the raw tables', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.storage.connections.setSecrets('conn-1', SECRETS);
      const everything = (await rawText(ctx.raw, 'connection_secrets')) + (await rawText(ctx.raw, 'connections'));
      expect(everything).not.toContain(SECRETS.apiKey);
      expect(everything).not.toContain(SECRETS.environmentKey);
      expect(everything).toMatch(/v2:[0-9a-f]{8}:/);
    });

    it('refuses secrets for a connection that does not exist', async () => {
      expect((await rejection(ctx.storage.connections.setSecrets('ghost', SECRETS))).code).toBe('storage_not_found');
    });

    it('secrets sealed under a rotated-out key still open when that key is kept as previous', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.storage.connections.setSecrets('conn-1', SECRETS);
      const rotated = new AesGcmSecretBox({ current: Buffer.alloc(32, 9), previous: [Buffer.alloc(32, 7)] });
      const reopened = await ctx.reopen(rotated);
      expect(await reopened.connections.getSecrets('conn-1')).toEqual(SECRETS);
      const withoutOldKey = await ctx.reopen(new AesGcmSecretBox({ current: Buffer.alloc(32, 9) }));
      expect((await rejection(withoutOldKey.connections.getSecrets('conn-1'))).code).toBe('secret_key_unknown');
    });

    it('a damaged field map gives storage_corrupt_row naming the row, not a crash later on', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.raw.execute(`UPDATE connections SET task_field_map = $1 WHERE id = 'conn-1'`, ['{"title": 42']);
      const error = await rejection(ctx.storage.connections.get('conn-1'));
      expect(error.code).toBe('storage_corrupt_row');
      expect(error.message).toContain('conn-1');
      await ctx.raw.execute(`UPDATE connections SET task_field_map = $1 WHERE id = 'conn-1'`, ['{"title": 42}']);
      expect((await rejection(ctx.storage.connections.list())).code).toBe('storage_corrupt_row');
    });

    it('a flag column holding something other than 0 or 1 is a corrupt row', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.raw.execute(`UPDATE connections SET enabled = 7 WHERE id = 'conn-1'`);
      expect((await rejection(ctx.storage.connections.get('conn-1'))).code).toBe('storage_corrupt_row');
    });
  });
}
