import type { AccessRule } from '../../../src/domain/access-rule';
import type { AppOwner } from '../../../src/domain/app-owner';
import { connection, later, rejection, T0, type ContractContext } from './contract-context';

const OBJECT_ID = '6f1c2b7a-0d4e-4a8b-9c3d-2e1f0a9b8c7d';

function rule(overrides: Partial<AccessRule> = {}): AccessRule {
  return {
    tenantId: 'tenant-a',
    connectionId: 'conn-1',
    mode: 'listed',
    entries: [
      { upn: 'anna@contoso.nl', aadObjectId: null },
      { upn: null, aadObjectId: OBJECT_ID },
    ],
    updatedBy: 'owner@contoso.nl',
    updatedAt: T0,
    ...overrides,
  };
}

function owner(overrides: Partial<AppOwner> = {}): AppOwner {
  return { tenantId: 'tenant-a', upn: 'owner@contoso.nl', aadObjectId: null, displayName: 'Olga Owner', source: 'added', addedBy: 'cli:root', addedAt: T0, ...overrides };
}

export function accessAndOwnersContract(ctx: ContractContext): void {
  describe('access rules', () => {
    it('answers null when no rule was ever saved (everyone may use the connection)', async () => {
      await ctx.storage.connections.save(connection());
      expect(await ctx.storage.accessRules.get('tenant-a', 'conn-1')).toBeNull();
    });

    it('gives back a saved rule with its entries, sorted and de-duplicated', async () => {
      await ctx.storage.connections.save(connection());
      const saved = rule({ entries: [...rule().entries, { upn: 'anna@contoso.nl', aadObjectId: null }] });
      await ctx.storage.accessRules.save(saved);
      expect(await ctx.storage.accessRules.get('tenant-a', 'conn-1')).toEqual({ ...rule(), entries: [{ upn: null, aadObjectId: OBJECT_ID }, { upn: 'anna@contoso.nl', aadObjectId: null }] });
    });

    it('saving again replaces the mode and every entry', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.storage.accessRules.save(rule());
      await ctx.storage.accessRules.save(rule({ mode: 'everyone', entries: [{ upn: 'bob@contoso.nl', aadObjectId: null }], updatedAt: later(5) }));
      const stored = await ctx.storage.accessRules.get('tenant-a', 'conn-1');
      expect(stored?.mode).toBe('everyone');
      expect(stored?.entries).toEqual([{ upn: 'bob@contoso.nl', aadObjectId: null }]);
      expect(stored?.updatedAt).toEqual(later(5));
    });

    it('keeps each tenant\'s rule for a shared connection apart', async () => {
      await ctx.storage.connections.save(connection({ tenantId: null }));
      await ctx.storage.accessRules.save(rule());
      await ctx.storage.accessRules.save(rule({ tenantId: 'tenant-b', mode: 'everyone', entries: [] }));
      expect((await ctx.storage.accessRules.get('tenant-a', 'conn-1'))?.mode).toBe('listed');
      expect((await ctx.storage.accessRules.get('tenant-b', 'conn-1'))?.mode).toBe('everyone');
    });

    it('remembers the object id of a UPN entry once, and never overwrites it', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.storage.accessRules.save(rule());
      await ctx.storage.accessRules.linkObjectId('tenant-a', 'conn-1', 'ANNA@contoso.nl', 'AAAA0000-0000-4000-8000-000000000001');
      await ctx.storage.accessRules.linkObjectId('tenant-a', 'conn-1', 'anna@contoso.nl', 'bbbb0000-0000-4000-8000-000000000002');
      const entries = (await ctx.storage.accessRules.get('tenant-a', 'conn-1'))?.entries;
      expect(entries).toContainEqual({ upn: 'anna@contoso.nl', aadObjectId: 'aaaa0000-0000-4000-8000-000000000001' });
    });

    it('goes away with its connection', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.storage.accessRules.save(rule());
      await ctx.storage.connections.remove('conn-1');
      expect(await ctx.storage.accessRules.get('tenant-a', 'conn-1')).toBeNull();
      expect(await ctx.raw.query('SELECT * FROM access_entries')).toEqual([]);
    });

    it('remove says whether there was a rule and takes its entries along', async () => {
      await ctx.storage.connections.save(connection());
      await ctx.storage.accessRules.save(rule());
      expect(await ctx.storage.accessRules.remove('tenant-a', 'conn-1')).toBe(true);
      expect(await ctx.storage.accessRules.remove('tenant-a', 'conn-1')).toBe(false);
      expect(await ctx.raw.query('SELECT * FROM access_entries')).toEqual([]);
    });

    it('refuses a rule for a connection that does not exist', async () => {
      expect((await rejection(ctx.storage.accessRules.save(rule({ connectionId: 'ghost' })))).code).toBe('storage_not_found');
    });
  });

  describe('app owners', () => {
    it('gives back an added owner exactly, and refuses the same UPN in the same scope twice (case-insensitively)', async () => {
      expect(await ctx.storage.owners.add(owner())).toBe(true);
      expect(await ctx.storage.owners.add(owner({ upn: 'OWNER@Contoso.nl', displayName: 'Other' }))).toBe(false);
      expect(await ctx.storage.owners.get('tenant-a', 'Owner@contoso.nl')).toEqual(owner());
      expect(await ctx.storage.owners.get('tenant-b', 'owner@contoso.nl')).toBeNull();
    });

    it('lists a tenant\'s owners with the every-tenant ones first, never another tenant\'s', async () => {
      await ctx.storage.owners.add(owner({ upn: 'b@contoso.nl' }));
      await ctx.storage.owners.add(owner({ upn: 'a@contoso.nl' }));
      await ctx.storage.owners.add(owner({ tenantId: null, upn: 'z@operator.nl', source: 'config', addedBy: 'config', displayName: null }));
      await ctx.storage.owners.add(owner({ tenantId: 'tenant-b', upn: 'x@fabrikam.nl' }));
      expect((await ctx.storage.owners.listForTenant('tenant-a')).map((o) => [o.tenantId, o.upn])).toEqual([
        [null, 'z@operator.nl'],
        ['tenant-a', 'a@contoso.nl'],
        ['tenant-a', 'b@contoso.nl'],
      ]);
      expect((await ctx.storage.owners.list()).map((o) => o.upn)).toEqual(['z@operator.nl', 'a@contoso.nl', 'b@contoso.nl', 'x@fabrikam.nl']);
    });

    it('removes an owner from one scope only, and says whether there was one', async () => {
      await ctx.storage.owners.add(owner());
      await ctx.storage.owners.add(owner({ tenantId: null }));
      expect(await ctx.storage.owners.remove('tenant-a', 'OWNER@contoso.nl')).toBe(true);
      expect(await ctx.storage.owners.remove('tenant-a', 'owner@contoso.nl')).toBe(false);
      expect((await ctx.storage.owners.list()).map((o) => o.tenantId)).toEqual([null]);
    });

    it('remembers the object id of one owner row only, without overwriting one', async () => {
      await ctx.storage.owners.add(owner());
      await ctx.storage.owners.add(owner({ tenantId: null }));
      await ctx.storage.owners.add(owner({ tenantId: 'tenant-a', upn: 'known@contoso.nl', aadObjectId: 'cccc0000-0000-4000-8000-000000000003' }));
      await ctx.storage.owners.linkObjectId('tenant-a', 'Owner@contoso.nl', OBJECT_ID.toUpperCase());
      await ctx.storage.owners.linkObjectId('tenant-a', 'known@contoso.nl', OBJECT_ID);
      const ids = Object.fromEntries((await ctx.storage.owners.list()).map((o) => [`${o.tenantId ?? '*'}/${o.upn}`, o.aadObjectId]));
      expect(ids).toEqual({
        '*/owner@contoso.nl': null,
        'tenant-a/owner@contoso.nl': OBJECT_ID,
        'tenant-a/known@contoso.nl': 'cccc0000-0000-4000-8000-000000000003',
      });
      await ctx.storage.owners.linkObjectId(null, 'owner@contoso.nl', OBJECT_ID);
      expect((await ctx.storage.owners.get(null, 'owner@contoso.nl'))?.aadObjectId).toBe(OBJECT_ID);
    });
  });

  describe('audit log per tenant', () => {
    it('lists a tenant\'s events and the every-tenant ones, never another tenant\'s', async () => {
      await ctx.storage.audit.append({ at: T0, actor: 'a', action: 'x', target: 'one', details: {}, tenantId: 'tenant-a' });
      await ctx.storage.audit.append({ at: T0, actor: 'b', action: 'x', target: 'two', details: {}, tenantId: 'tenant-b' });
      await ctx.storage.audit.append({ at: T0, actor: 'cli:root', action: 'x', target: 'three', details: {} });
      expect((await ctx.storage.audit.list({ limit: 10, tenantId: 'tenant-a' })).map((e) => [e.target, e.tenantId])).toEqual([
        ['three', null],
        ['one', 'tenant-a'],
      ]);
      const firstPage = await ctx.storage.audit.list({ limit: 1, tenantId: 'tenant-a' });
      expect((await ctx.storage.audit.list({ limit: 10, tenantId: 'tenant-a', beforeId: firstPage[0].id })).map((e) => e.target)).toEqual(['one']);
      expect(await ctx.storage.audit.list({ limit: 10 })).toHaveLength(3);
    });
  });
}
