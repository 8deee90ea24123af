import { CLASSIC_ONLY } from '../../../src/domain/afas-auth-mode';
import type { Storage } from '../../../src/ports/storage';
import { type ContractContext, T0, connection, later, user } from './contract-context';

const JAN = user('aad-jan');
const TOKENS = { accessToken: 'access-1-secret', refreshToken: 'refresh-1-secret', expiresAt: later(3_600_000) };

async function signedIn(storage: Storage): Promise<void> {
  await storage.connections.save(connection());
  await storage.oauthTokens.saveSignIn({ user: JAN, connectionId: 'conn-1', afasUserId: 'OAuth', activatedAt: T0 }, TOKENS);
}

/** OAuth: connection settings, sealed tokens with a compare-and-swap refresh claim, single-use sign-in steps. */
export function oauthContract(ctx: ContractContext, openAnother: () => Promise<Storage>): void {
  describe('OAuth', () => {
    test('a connection without OAuth settings is classic; the client secret is sealed, kept when not given, and write-only', async () => {
      const { storage } = ctx;
      await storage.connections.save(connection());
      expect(await storage.connectionOAuth.get('conn-1')).toEqual(CLASSIC_ONLY);
      await storage.connectionOAuth.save('conn-1', { authMode: 'both', clientId: 'client-1', scope: '' }, T0, 'client-secret-value');
      await storage.connectionOAuth.save('conn-1', { authMode: 'oauth', clientId: 'client-1', scope: 'profit' }, later(1));
      expect(await storage.connectionOAuth.get('conn-1')).toEqual({ authMode: 'oauth', clientId: 'client-1', scope: 'profit' });
      expect(await storage.connectionOAuth.getClientSecret('conn-1')).toBe('client-secret-value');
      const rows = await ctx.raw.query('SELECT * FROM connection_oauth');
      expect(JSON.stringify(rows)).not.toContain('client-secret-value');
    });

    test('an OAuth sign-in is an activation of kind oauth whose access and refresh tokens are sealed', async () => {
      const { storage } = ctx;
      await signedIn(storage);
      const inUse = await storage.activations.getInUse(JAN);
      expect(inUse?.activation.authKind).toBe('oauth');
      expect(inUse?.token).toBe('access-1-secret');
      expect(await storage.oauthTokens.read(JAN)).toMatchObject({ ...TOKENS, refreshingUntil: null });
      const rows = await ctx.raw.query('SELECT * FROM activations');
      expect(JSON.stringify(rows)).not.toMatch(/access-1-secret|refresh-1-secret/);
      expect(await storage.connectionOAuth.countActivations('conn-1')).toEqual({ classic: 0, oauth: 1 });
    });

    test('a classic activation over an OAuth one drops the refresh token; markInvalid drops both tokens', async () => {
      const { storage } = ctx;
      await signedIn(storage);
      await storage.activations.save({ user: JAN, connectionId: 'conn-1', afasUserId: 'jan', activatedAt: T0 }, '<token>x</token>');
      expect(await storage.oauthTokens.read(JAN)).toBeNull();
      expect((await storage.activations.get(JAN))?.authKind).toBeUndefined();
      await signedIn(storage);
      await storage.activations.markInvalid(JAN, later(5));
      expect(await storage.oauthTokens.read(JAN)).toBeNull();
      const [row] = await ctx.raw.query('SELECT token_sealed, refresh_token_sealed FROM activations');
      expect(row).toEqual({ token_sealed: null, refresh_token_sealed: null });
    });

    test('two storages claiming the same refresh at once: exactly one wins; a stale claim cannot complete', async () => {
      await signedIn(ctx.storage);
      const other = await openAnother();
      try {
        const { version } = (await ctx.storage.oauthTokens.read(JAN)) ?? { version: -1 };
        const claims = await Promise.all([ctx.storage, other, ctx.storage, other].map((s) => s.oauthTokens.claimRefresh(JAN, version, later(30_000), T0)));
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await other.oauthTokens.completeRefresh(JAN, version, { ...TOKENS, accessToken: 'stale' })).toBe(false);
        const next = { accessToken: 'access-2', refreshToken: 'refresh-2', expiresAt: later(7_200_000) };
        expect(await ctx.storage.oauthTokens.completeRefresh(JAN, version + 1, next)).toBe(true);
        expect(await other.oauthTokens.read(JAN)).toMatchObject({ ...next, version: version + 2, refreshingUntil: null });
      } finally {
        await other.close();
      }
    });

    test('a claim whose holder died lapses at its deadline; a released claim keeps the tokens', async () => {
      await signedIn(ctx.storage);
      const { version } = (await ctx.storage.oauthTokens.read(JAN)) ?? { version: -1 };
      expect(await ctx.storage.oauthTokens.claimRefresh(JAN, version, later(30_000), T0)).toBe(true);
      expect(await ctx.storage.oauthTokens.claimRefresh(JAN, version + 1, later(60_000), later(10_000))).toBe(false);
      expect(await ctx.storage.oauthTokens.claimRefresh(JAN, version + 1, later(60_000), later(30_000))).toBe(true);
      await ctx.storage.oauthTokens.releaseClaim(JAN, version + 2);
      expect(await ctx.storage.oauthTokens.read(JAN)).toMatchObject({ ...TOKENS, version: version + 3, refreshingUntil: null });
    });

    test('a sign-in: the callback takes its state once and only before it expires; only its own user completes it, once', async () => {
      const { storage } = ctx;
      const pending = { stateHash: 'hash-1', user: JAN, connectionId: 'conn-1', verifier: 'verifier-secret', surface: 'bot' as const, createdAt: T0, expiresAt: later(600_000) };
      await storage.signIns.begin(pending);
      await storage.signIns.begin({ ...pending, stateHash: 'hash-2' });
      expect(await storage.signIns.takeForCallback('hash-2', later(600_000))).toBeNull();
      expect(await storage.signIns.takeForCallback('hash-1', later(1))).toEqual(pending);
      expect(await storage.signIns.takeForCallback('hash-1', later(2))).toBeNull();
      await storage.signIns.exchanged('hash-1', TOKENS, 'confirm-hash', later(300_000));
      expect(JSON.stringify(await ctx.raw.query('SELECT * FROM oauth_sign_ins'))).not.toMatch(/verifier-secret|access-1-secret|refresh-1-secret/);
      expect(await storage.signIns.complete(user('aad-mallory'), { confirmationHash: 'confirm-hash' }, later(3))).toBeNull();
      expect(await storage.signIns.complete(JAN, { confirmationHash: 'confirm-hash' }, later(4))).toEqual({ user: JAN, connectionId: 'conn-1', tokens: TOKENS });
      expect(await storage.signIns.complete(JAN, { confirmationHash: 'confirm-hash' }, later(5))).toBeNull();
      expect(await storage.signIns.removeExpired(later(600_001))).toBe(1);
    });
  });
}
