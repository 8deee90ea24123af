import { AfasSandbox, DEMO_OAUTH_CLIENT_ID, DEMO_OAUTH_CLIENT_SECRET } from '../../sandbox';
import { buildUseCases } from '../../src/composition/use-cases';
import type { Core } from '../../src/composition/core';
import { isAppError } from '../../src/domain/app-error';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { openTestCore } from '../support/test-core';

const JAN = 'jan.devries@horizon-groep.example';
const USER = { tenantId: 'tenant-1', aadObjectId: 'aad-jan' };
const LIFETIME_MS = 10 * 60_000;
const OAUTH_ENV = { AFAS_AUTH_MODE: 'oauth', AFAS_OAUTH_CLIENT_ID: DEMO_OAUTH_CLIENT_ID, AFAS_OAUTH_CLIENT_SECRET: DEMO_OAUTH_CLIENT_SECRET };

describe('OAuth activations: tokens refreshed before expiry, through the composition', () => {
  let clock: FakeClock;
  let sandbox: AfasSandbox;
  let core: Core;
  let logger: RecordingLogger;
  let first: { accessToken: string; refreshToken: string };

  beforeEach(async () => {
    clock = new FakeClock('2026-03-02T08:00:00Z', { autoAdvance: true });
    sandbox = new AfasSandbox({ clock, oauthLifetimes: { accessTokenMs: LIFETIME_MS } });
    const { baseUrl } = await sandbox.listen(0);
    logger = new RecordingLogger();
    core = await openTestCore({ clock, logger, afasBaseUrl: baseUrl, env: OAUTH_ENV, afasRetry: { maxAttempts: 1 } });
    // A completed sign-in, as the callback stores it.
    first = sandbox.oauth.issueTokens(JAN, DEMO_OAUTH_CLIENT_ID);
    await core.storage.oauthTokens.saveSignIn(
      { user: USER, connectionId: 'default', afasUserId: 'OAuth', activatedAt: clock.now() },
      { ...first, expiresAt: new Date(clock.now().getTime() + LIFETIME_MS) },
    );
  });
  afterEach(async () => {
    await core.close();
    await sandbox.close();
  });

  const useCases = (): ReturnType<typeof buildUseCases> => buildUseCases(core, { notifications: { wake: async () => undefined } });
  const refreshes = (): number => sandbox.oauth.tokenRequests().filter((r) => r.grantType === 'refresh_token').length;

  test('a read with a fresh token sends it as Bearer and refreshes nothing', async () => {
    const tasks = await useCases().listWorkItems.execute(USER, 'task');
    expect(tasks.items.length).toBeGreaterThan(0);
    expect(sandbox.stats.requests.at(-1)?.userId).toBe(JAN);
    expect(refreshes()).toBe(0);
  });

  test('a read shortly before expiry refreshes first; the rotated-out refresh token is dead at AFAS', async () => {
    await clock.advance(LIFETIME_MS - 60_000);
    await useCases().listWorkItems.execute(USER, 'task');
    expect(refreshes()).toBe(1);
    const stored = await core.storage.oauthTokens.read(USER);
    expect(stored?.refreshToken).not.toBe(first.refreshToken);
    expect(stored?.accessToken).not.toBe(first.accessToken);
    // Past the old access token's life, reads go on with the new one and no further refresh.
    await clock.advance(120_000);
    await useCases().listWorkItems.execute(USER, 'signal');
    expect(refreshes()).toBe(1);
    const replay = await fetch(`${(await core.storage.connections.get('default'))?.baseUrl ?? ''}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first.refreshToken, client_id: DEMO_OAUTH_CLIENT_ID, client_secret: DEMO_OAUTH_CLIENT_SECRET }).toString(),
    });
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
  });

  test('the notification path (getToken) refreshes too', async () => {
    await clock.advance(LIFETIME_MS);
    const token = await core.storage.activations.getToken(USER);
    expect(token).not.toBe(first.accessToken);
    expect(refreshes()).toBe(1);
  });

  test('AFAS refusing the refresh (invalid_grant) ends in the one "sign in again" state, without asking AFAS again', async () => {
    sandbox.oauth.revokeSignInOf(first.refreshToken);
    await clock.advance(LIFETIME_MS);
    const failure = await useCases().listWorkItems.execute(USER, 'task').catch((error: unknown) => error);
    expect(isAppError(failure, 'activation_invalid')).toBe(true);
    expect((await core.storage.activations.get(USER))?.status).toBe('invalid');
    await useCases().listWorkItems.execute(USER, 'task').catch(() => undefined);
    expect(refreshes()).toBe(1);
    expect(sandbox.oauth.tokenRequests()[0]).toMatchObject({ outcome: 'invalid_grant', reason: 'refresh_revoked' });
  });

  test('no access token or refresh token appears in any log line', async () => {
    await clock.advance(LIFETIME_MS);
    await useCases().listWorkItems.execute(USER, 'task');
    const stored = await core.storage.oauthTokens.read(USER);
    const text = logger.text();
    for (const secret of [first.accessToken, first.refreshToken, stored?.accessToken ?? 'x', stored?.refreshToken ?? 'x']) expect(text).not.toContain(secret);
    expect(logger.lines.some((l) => l.message === 'AFAS access token refreshed')).toBe(true);
  });
});
