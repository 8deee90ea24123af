import { AfasSandbox, DEMO_OAUTH_CLIENT_ID, DEMO_OAUTH_CLIENT_SECRET } from '../../sandbox';
import type { Core } from '../../src/composition/core';
import { buildUseCases } from '../../src/composition/use-cases';
import { oauthRedirectUri } from '../../src/domain/afas-auth-mode';
import type { AfasConnection } from '../../src/domain/afas-connection';
import { isAppError } from '../../src/domain/app-error';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { PUBLIC_URL, openTestCore } from '../support/test-core';

const JAN = 'jan.devries@horizon-groep.example';
const TEAMS_JAN = { tenantId: 'tenant-1', aadObjectId: 'aad-jan' };
const TEAMS_MALLORY = { tenantId: 'tenant-1', aadObjectId: 'aad-mallory' };
const OAUTH_ENV = { AFAS_AUTH_MODE: 'oauth', AFAS_OAUTH_CLIENT_ID: DEMO_OAUTH_CLIENT_ID, AFAS_OAUTH_CLIENT_SECRET: DEMO_OAUTH_CLIENT_SECRET };

describe('OAuth sign-in through the sandbox, bound to the Teams user who asked', () => {
  let clock: FakeClock;
  let sandbox: AfasSandbox;
  let core: Core;
  let logger: RecordingLogger;
  let connection: AfasConnection;
  let signIn: ReturnType<typeof buildUseCases>['oauthSignIn'];

  beforeEach(async () => {
    clock = new FakeClock('2026-03-02T08:00:00Z', { autoAdvance: true });
    sandbox = new AfasSandbox({ clock });
    sandbox.oauth.allowRedirect(DEMO_OAUTH_CLIENT_ID, oauthRedirectUri(PUBLIC_URL));
    const { baseUrl } = await sandbox.listen(0);
    logger = new RecordingLogger();
    core = await openTestCore({ clock, logger, afasBaseUrl: baseUrl, env: OAUTH_ENV, afasRetry: { maxAttempts: 1 } });
    connection = (await core.storage.connections.get('default')) as AfasConnection;
    signIn = buildUseCases(core, { notifications: { wake: async () => undefined } }).oauthSignIn;
  });
  afterEach(async () => {
    await core.close();
    await sandbox.close();
  });

  /** The person in the browser picks Jan on AFAS's page; returns where AFAS sends the browser back to. */
  async function consentAt(authorizeUrl: string, user = JAN): Promise<URL> {
    const res = await fetch(authorizeUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user }).toString(), redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '');
  }

  test('the authorize URL asks for PKCE S256 with a random state and our one redirect URI', async () => {
    const url = new URL(await signIn.begin(TEAMS_JAN, connection, 'bot'));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/auth/afas/callback`);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(new URL(await signIn.begin(TEAMS_JAN, connection, 'bot')).searchParams.get('state')).not.toBe(url.searchParams.get('state'));
  });

  test('bot: the code shown after AFAS links Jan only when Jan types it in his own chat, once; Bearer reads work', async () => {
    const callback = await consentAt(await signIn.begin(TEAMS_JAN, connection, 'bot'));
    expect(callback.origin + callback.pathname).toBe(`${PUBLIC_URL}/auth/afas/callback`);
    const outcome = await signIn.callback(callback);
    if (outcome.surface !== 'bot') throw new Error('expected the bot surface');
    expect(outcome.confirmationCode).toMatch(/^\d{6}$/);
    expect(await signIn.complete(TEAMS_MALLORY, { confirmationCode: outcome.confirmationCode })).toBe(false);
    expect(await signIn.complete(TEAMS_JAN, { confirmationCode: outcome.confirmationCode })).toBe(true);
    expect(await signIn.complete(TEAMS_JAN, { confirmationCode: outcome.confirmationCode })).toBe(false);
    const tasks = await buildUseCases(core, { notifications: { wake: async () => undefined } }).listWorkItems.execute(TEAMS_JAN, 'task');
    expect(tasks.items.length).toBeGreaterThan(0);
    expect((await core.storage.activations.get(TEAMS_JAN))?.authKind).toBe('oauth');
  });

  test('tab: a sign-in started by Jan and completed with the handle by another Teams user links nobody', async () => {
    const outcome = await signIn.callback(await consentAt(await signIn.begin(TEAMS_JAN, connection, 'tab')));
    if (outcome.surface !== 'tab') throw new Error('expected the tab surface');
    expect(await signIn.complete(TEAMS_MALLORY, { completionHandle: outcome.completionHandle })).toBe(false);
    expect(await core.storage.activations.get(TEAMS_MALLORY)).toBeNull();
    expect(await signIn.complete(TEAMS_JAN, { completionHandle: outcome.completionHandle })).toBe(true);
  });

  test('a replayed callback (state used) is refused, and AFAS never sees the code twice', async () => {
    const callback = await consentAt(await signIn.begin(TEAMS_JAN, connection, 'bot'));
    await signIn.callback(callback);
    const replay = await signIn.callback(callback).catch((error: unknown) => error);
    expect(isAppError(replay, 'oauth_state_invalid')).toBe(true);
    expect(sandbox.oauth.tokenRequests()).toHaveLength(1);
  });

  test('an expired state and an unknown state are refused', async () => {
    const callback = await consentAt(await signIn.begin(TEAMS_JAN, connection, 'bot'));
    await clock.advance(11 * 60_000);
    expect(isAppError(await signIn.callback(callback).catch((e: unknown) => e), 'oauth_state_invalid')).toBe(true);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'made-up-state');
    expect(isAppError(await signIn.callback(forged).catch((e: unknown) => e), 'oauth_state_invalid')).toBe(true);
    expect(sandbox.oauth.tokenRequests()).toHaveLength(0);
  });

  test('a code already used at AFAS is refused (the sign-in fails, nothing is linked)', async () => {
    const callback = await consentAt(await signIn.begin(TEAMS_JAN, connection, 'bot'));
    const code = callback.searchParams.get('code') ?? '';
    // Someone who intercepted the redirect spends the code first (without the verifier it fails, and burns the code).
    await fetch(`${connection.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: oauthRedirectUri(PUBLIC_URL), client_id: DEMO_OAUTH_CLIENT_ID, client_secret: DEMO_OAUTH_CLIENT_SECRET, code_verifier: 'x'.repeat(43) }).toString(),
    });
    const failure = await signIn.callback(callback).catch((error: unknown) => error);
    expect(isAppError(failure, 'oauth_invalid_grant')).toBe(true);
    expect(await core.storage.activations.get(TEAMS_JAN)).toBeNull();
  });

  test('a redirect URI AFAS does not have registered is refused by AFAS before any code exists', async () => {
    sandbox.oauth.registerClient({ clientId: DEMO_OAUTH_CLIENT_ID, clientSecret: DEMO_OAUTH_CLIENT_SECRET, redirectUris: ['https://other.example/auth/afas/callback'] });
    const res = await fetch(await signIn.begin(TEAMS_JAN, connection, 'bot'), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `user=${encodeURIComponent(JAN)}`, redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  test('AFAS saying access_denied ends the sign-in with oauth_denied', async () => {
    const res = await fetch(await signIn.begin(TEAMS_JAN, connection, 'bot'), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'decision=deny', redirect: 'manual' });
    const failure = await signIn.callback(new URL(res.headers.get('location') ?? '')).catch((error: unknown) => error);
    expect(isAppError(failure, 'oauth_denied')).toBe(true);
  });

  test('no code, verifier, state or token appears in any log line', async () => {
    const authorize = new URL(await signIn.begin(TEAMS_JAN, connection, 'bot'));
    const callback = await consentAt(authorize.toString());
    const outcome = await signIn.callback(callback);
    if (outcome.surface === 'bot') await signIn.complete(TEAMS_JAN, { confirmationCode: outcome.confirmationCode });
    const stored = await core.storage.oauthTokens.read(TEAMS_JAN);
    const text = logger.text();
    for (const secret of [callback.searchParams.get('code'), authorize.searchParams.get('state'), stored?.accessToken, stored?.refreshToken]) expect(text).not.toContain(secret ?? 'never');
  });
});
