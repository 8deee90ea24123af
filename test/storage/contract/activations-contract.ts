import { activation, later, rawText, T0, user, type ContractContext } from './contract-context';

const TOKEN = '<token><version>1</version><data>SECRET-AFAS-TOKEN-42</data></token>';

export function activationsContract(ctx: ContractContext): void {
  describe('activations', () => {
    const jan = user('jan');

    it('a saved activation is active, with updatedAt equal to when it was activated', async () => {
      await ctx.storage.activations.save(activation(jan), TOKEN);
      expect(await ctx.storage.activations.get(jan)).toEqual({ ...activation(jan), status: 'active', updatedAt: T0 });
      expect(await ctx.storage.activations.get(user('nobody'))).toBeNull();
    });

    it('gives back the token of an active activation', async () => {
      await ctx.storage.activations.save(activation(jan), TOKEN);
      expect(await ctx.storage.activations.getToken(jan)).toBe(TOKEN);
      expect(await ctx.storage.activations.getToken(user('nobody'))).toBeNull();
    });

    it('a token is unreadable in the raw table', async () => {
      await ctx.storage.activations.save(activation(jan), TOKEN);
      const text = await rawText(ctx.raw, 'activations');
      expect(text).not.toContain('SECRET-AFAS-TOKEN-42');
      expect(text).toContain('v2:');
    });

    it('users with the same object id in different tenants are different users', async () => {
      await ctx.storage.activations.save(activation(user('same', 'tenant-a')), 'token-a');
      await ctx.storage.activations.save(activation(user('same', 'tenant-b')), 'token-b');
      expect(await ctx.storage.activations.getToken(user('same', 'tenant-a'))).toBe('token-a');
      expect(await ctx.storage.activations.getToken(user('same', 'tenant-b'))).toBe('token-b');
    });

    it('once marked invalid, the token is gone (not just hidden) and the user is no longer active', async () => {
      await ctx.storage.activations.save(activation(jan), TOKEN);
      await ctx.storage.activations.markInvalid(jan, later(60_000));
      expect(await ctx.storage.activations.getToken(jan)).toBeNull();
      expect(await ctx.storage.activations.get(jan)).toMatchObject({ status: 'invalid', updatedAt: later(60_000), activatedAt: T0 });
      expect(await ctx.storage.activations.countActive()).toBe(0);
      expect(await ctx.raw.query(`SELECT token_sealed FROM activations`)).toEqual([{ token_sealed: null }]);
    });

    it('activating again after an invalid token makes the user active with the new token', async () => {
      await ctx.storage.activations.save(activation(jan), TOKEN);
      await ctx.storage.activations.markInvalid(jan, later(1));
      await ctx.storage.activations.save(activation(jan, { activatedAt: later(2), connectionId: 'conn-2' }), 'new-token');
      expect(await ctx.storage.activations.get(jan)).toMatchObject({ status: 'active', connectionId: 'conn-2', updatedAt: later(2) });
      expect(await ctx.storage.activations.getToken(jan)).toBe('new-token');
    });

    it('removing an activation deletes it and its token, and says whether there was one', async () => {
      await ctx.storage.activations.save(activation(jan), TOKEN);
      expect(await ctx.storage.activations.remove(jan)).toBe(true);
      expect(await ctx.storage.activations.remove(jan)).toBe(false);
      expect(await ctx.storage.activations.get(jan)).toBeNull();
      expect(await ctx.raw.query('SELECT * FROM activations')).toEqual([]);
    });

    it('listActive pages without skipping or repeating users, and leaves out invalid ones', async () => {
      const users = ['t2/b', 't1/c', 't1/a', 't3/a', 't2/a', 't1/b', 't3/z'].map((s) => user(s.split('/')[1], s.split('/')[0]));
      for (const u of users) await ctx.storage.activations.save(activation(u), `token-${u.tenantId}-${u.aadObjectId}`);
      await ctx.storage.activations.markInvalid(user('b', 't1'), later(1));
      const seen: string[] = [];
      let after: (typeof users)[number] | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await ctx.storage.activations.listActive({ after, limit: 2 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page.map((a) => `${a.user.tenantId}/${a.user.aadObjectId}`));
        after = page[page.length - 1].user;
      }
      expect(seen).toEqual(['t1/a', 't1/c', 't2/a', 't2/b', 't3/a', 't3/z']);
      expect(await ctx.storage.activations.countActive()).toBe(6);
    });

    it('a page continues correctly when the user it continues after was removed meanwhile', async () => {
      for (const id of ['a', 'b', 'c']) await ctx.storage.activations.save(activation(user(id)), 'token');
      const first = await ctx.storage.activations.listActive({ limit: 1 });
      await ctx.storage.activations.remove(first[0].user);
      const rest = await ctx.storage.activations.listActive({ after: first[0].user, limit: 10 });
      expect(rest.map((a) => a.user.aadObjectId)).toEqual(['b', 'c']);
    });

    it('a damaged status is a corrupt row, not a third kind of activation', async () => {
      await ctx.storage.activations.save(activation(jan), TOKEN);
      await ctx.raw.execute(`UPDATE activations SET status = 'paused'`);
      await expect(ctx.storage.activations.get(jan)).rejects.toMatchObject({ code: 'storage_corrupt_row' });
    });
  });
}
