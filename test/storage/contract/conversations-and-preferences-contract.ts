import { DEFAULT_PREFERENCES, type UserPreferences } from '../../../src/domain/user-preferences';
import { later, T0, user, type ContractContext } from './contract-context';

const REFERENCE = {
  activityId: 'f:123',
  user: { id: '29:1abc', aadObjectId: 'jan', name: 'Jan de Vries' },
  bot: { id: '28:bot', name: 'AFAS' },
  conversation: { id: 'a:1xyz', conversationType: 'personal', tenantId: 'tenant-a' },
  channelId: 'msteams',
  locale: 'nl-NL',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
};

export function conversationsAndPreferencesContract(ctx: ContractContext): void {
  const jan = user('jan');

  describe('conversation references', () => {
    it('returns the stored reference as the same JSON, active, for that user only', async () => {
      await ctx.storage.conversations.save(jan, REFERENCE, T0);
      expect(await ctx.storage.conversations.get(jan)).toEqual({ user: jan, reference: REFERENCE, status: 'active', updatedAt: T0 });
      expect(await ctx.storage.conversations.get(user('jan', 'tenant-b'))).toBeNull();
    });

    it('a blocked user becomes active again when a new reference is saved (they wrote or reinstalled)', async () => {
      await ctx.storage.conversations.save(jan, REFERENCE, T0);
      await ctx.storage.conversations.setStatus(jan, 'blocked', later(1000));
      expect(await ctx.storage.conversations.get(jan)).toMatchObject({ status: 'blocked', updatedAt: later(1000) });
      const newer = { ...REFERENCE, conversation: { ...REFERENCE.conversation, id: 'a:2new' } };
      await ctx.storage.conversations.save(jan, newer, later(2000));
      expect(await ctx.storage.conversations.get(jan)).toEqual({ user: jan, reference: newer, status: 'active', updatedAt: later(2000) });
    });

    it('setting the status of an unknown user creates nothing', async () => {
      await ctx.storage.conversations.setStatus(jan, 'retired', T0);
      expect(await ctx.storage.conversations.get(jan)).toBeNull();
    });

    it('a reference that is not a JSON object is a corrupt row', async () => {
      await ctx.storage.conversations.save(jan, REFERENCE, T0);
      await ctx.raw.execute(`UPDATE conversation_references SET reference = '[1, 2]'`);
      await expect(ctx.storage.conversations.get(jan)).rejects.toMatchObject({ code: 'storage_corrupt_row' });
    });
  });

  describe('preferences', () => {
    const mine: UserPreferences = {
      signalNotifications: false,
      taskNotifications: true,
      digest: false,
      digestTime: '07:45',
      quietHours: { start: '18:00', end: '08:00' },
      language: 'nl',
      firstList: 'signal',
    };

    it('answers null for a user who never changed anything, so callers apply the defaults', async () => {
      expect(await ctx.storage.preferences.get(jan)).toBeNull();
    });

    it('returns saved preferences unchanged, and a later save replaces them', async () => {
      await ctx.storage.preferences.save(jan, mine, T0);
      expect(await ctx.storage.preferences.get(jan)).toEqual(mine);
      await ctx.storage.preferences.save(jan, DEFAULT_PREFERENCES, later(1));
      expect(await ctx.storage.preferences.get(jan)).toEqual(DEFAULT_PREFERENCES);
      expect(await ctx.storage.preferences.get(user('jan', 'tenant-b'))).toBeNull();
    });

    it('a stored document from before a preference existed reads with that preference at its default', async () => {
      await ctx.storage.preferences.save(jan, mine, T0);
      await ctx.raw.execute(`UPDATE user_preferences SET preferences = $1`, [JSON.stringify({ ...mine, firstList: undefined })]);
      expect(await ctx.storage.preferences.get(jan)).toEqual({ ...mine, firstList: DEFAULT_PREFERENCES.firstList });
    });

    it('a preference with a wrong type is a corrupt row with a clear code', async () => {
      await ctx.storage.preferences.save(jan, mine, T0);
      await ctx.raw.execute(`UPDATE user_preferences SET preferences = $1`, [JSON.stringify({ ...mine, digest: 'yes' })]);
      const error = await ctx.storage.preferences.get(jan).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'storage_corrupt_row' });
      expect((error as Error).message).toContain('user_preferences');
      expect((error as Error).message).toContain('digest');
    });
  });
}
