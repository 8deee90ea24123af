import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AfasSandbox, DEMO_OAUTH_CLIENT_ID, DEMO_OAUTH_CLIENT_SECRET } from '../../sandbox';
import { Oauth4webapiAfasOAuth } from '../../src/afas/oauth4webapi-afas-oauth';
import type { Storage } from '../../src/ports/storage';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage } from '../../src/storage/open-storage';
import { PostgresDriver } from '../../src/storage/postgres-driver';
import { FreshAccessToken } from '../../src/use-cases/oauth/fresh-access-token';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';

const JAN = 'jan.devries@horizon-groep.example';
const USER = { tenantId: 'tenant-1', aadObjectId: 'aad-jan' };
const LIFETIME_MS = 10 * 60_000;
const PUBLIC_URL = 'https://teams-app.example.nl';
const secretBox = new AesGcmSecretBox({ current: Buffer.alloc(32, 9) });

type Engine = { name: string; open: () => Promise<Storage>; cleanup: () => Promise<void> };

function sqliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-refresh-'));
  return { name: 'SQLite (one file, two storages)', open: () => openStorage({ dataDir: dir, secretBox }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

function postgresEngine(url: string): Engine {
  const schema = `afas_oauth_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    name: 'PostgreSQL (two pools)',
    open: () => openStorage({ databaseUrl: url, dataDir: ':memory:', secretBox, postgresSchema: schema }),
    cleanup: async () => {
      const admin = await PostgresDriver.connect({ connectionString: url });
      await admin.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    },
  };
}

const engines: (() => Engine)[] = [sqliteEngine];
if (process.env.TEST_DATABASE_URL) {
  const url = process.env.TEST_DATABASE_URL;
  engines.push(() => postgresEngine(url));
}

describe.each(engines.map((make) => [make().name, make] as const))('two processes refreshing one user at once: %s', (_name, make) => {
  test('exactly one refresh reaches AFAS; both get the new access token', async () => {
    const engine = make();
    // Fake time that stands still while a process waits for the other's refresh (real sleeps).
    const fake = new FakeClock('2026-03-02T08:00:00Z');
    const clock = { now: () => fake.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), advance: (ms: number) => fake.advance(ms) };
    const sandbox = new AfasSandbox({ clock, oauthLifetimes: { accessTokenMs: LIFETIME_MS } });
    const { baseUrl } = await sandbox.listen(0);
    const [a, b] = [await engine.open(), await engine.open()];
    try {
      const now = clock.now();
      await a.connections.save({
        id: 'default', tenantId: null, name: 'AFAS', environment: 'sandbox', baseUrl, insiteUrl: 'https://12345.afasinsite.nl', tasksConnector: 'Teams_Tasks', signalsConnector: 'Teams_Signals',
        taskFieldMap: {}, signalFieldMap: {}, taskUrlTemplate: null, signalUrlTemplate: null, defaultTasksUrl: 'https://12345.afasinsite.nl', useDefaultTasksUrl: false, defaultList: 'task', taskActions: { enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' },
        isDefault: true, enabled: true, createdAt: now, updatedAt: now,
      });
      await a.connectionOAuth.save('default', { authMode: 'oauth', clientId: DEMO_OAUTH_CLIENT_ID, scope: '' }, now, DEMO_OAUTH_CLIENT_SECRET);
      const issued = sandbox.oauth.issueTokens(JAN, DEMO_OAUTH_CLIENT_ID);
      await a.oauthTokens.saveSignIn({ user: USER, connectionId: 'default', afasUserId: 'OAuth', activatedAt: now }, { ...issued, expiresAt: new Date(now.getTime() + LIFETIME_MS) });
      await clock.advance(LIFETIME_MS - 30_000);
      const process = (storage: Storage): FreshAccessToken =>
        new FreshAccessToken({ tokens: storage.oauthTokens, activations: storage.activations, connections: storage.connections, connectionOAuth: storage.connectionOAuth, oauth: new Oauth4webapiAfasOAuth(), clock, logger: new RecordingLogger(), publicUrl: PUBLIC_URL, waitStepMs: 5 });
      const [pa, pb] = [process(a), process(b)];
      const tokens = await Promise.all([pa.get(USER), pb.get(USER), pa.get(USER), pb.get(USER)]);
      const refreshes = sandbox.oauth.tokenRequests().filter((r) => r.grantType === 'refresh_token');
      expect(refreshes).toEqual([expect.objectContaining({ outcome: 'issued' })]);
      expect(new Set(tokens).size).toBe(1);
      expect(tokens[0]).not.toBe(issued.accessToken);
      const res = await fetch(`${baseUrl}/ProfitVersion`, { headers: { Authorization: `Bearer ${tokens[0] ?? ''}` } });
      expect(res.status).toBe(200);
    } finally {
      await a.close();
      await b.close();
      await sandbox.close();
      await engine.cleanup();
    }
  });
});
