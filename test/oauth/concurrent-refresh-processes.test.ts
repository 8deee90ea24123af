import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AfasSandbox, DEMO_OAUTH_CLIENT_ID, DEMO_OAUTH_CLIENT_SECRET } from '../../sandbox';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage } from '../../src/storage/open-storage';
import { PostgresDriver } from '../../src/storage/postgres-driver';
import { FakeClock } from '../fakes/fake-clock';
import type { RefreshCommand, RefreshReply } from './support/refresh-process';

const ROOT = join(__dirname, '..', '..');
const JAN = 'jan.devries@horizon-groep.example';
const USER = { tenantId: 'tenant-1', aadObjectId: 'aad-jan' };
// Longer than the product's refresh margin (2 minutes), so the new token is not refreshed again at once.
const LIFETIME_MS = 10 * 60_000;
const PUBLIC_URL = 'https://teams-app.example.nl';
const SECRET_KEY = Buffer.alloc(32, 7);
const url = process.env.TEST_DATABASE_URL;

/** One product process (test/oauth/support/refresh-process.ts), bundled and started with `node -e`. */
class RefreshProcess {
  readonly child: ChildProcess;
  readonly bundle: string;
  private stderr = '';
  private readonly replies: RefreshReply[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(index: number, env: Record<string, string>) {
    this.bundle = `build/test-oauth-refresh-${process.pid}-${index}.js`;
    const loader = `require(${JSON.stringify(join(ROOT, 'scripts', 'run-ts.js'))}).loadTs('test/oauth/support/refresh-process.ts', ${JSON.stringify(this.bundle)})`;
    this.child = spawn(process.execPath, ['-e', loader], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('message', (reply: RefreshReply) => {
      this.replies.push(reply);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.child.on('exit', () => this.waiters.splice(0).forEach((wake) => wake()));
  }

  /** The next reply; rejects with the process's stderr when it ends without one. */
  async next(): Promise<RefreshReply> {
    for (;;) {
      const reply = this.replies.shift();
      if (reply) return reply;
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`refresh process ended (${this.child.exitCode ?? this.child.signalCode}) without replying:\n${this.stderr}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  send(command: RefreshCommand): void {
    this.child.send(command);
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill();
    });
  }

  removeBundle(): void {
    rmSync(join(ROOT, this.bundle), { force: true });
  }
}

const suite = url ? describe : describe.skip;
const title = url
  ? 'OAuth refresh in two OS processes on one PostgreSQL'
  : 'OAuth refresh in two OS processes on one PostgreSQL (skipped: TEST_DATABASE_URL is unset; set it to run against a real server)';

suite(title, () => {
  test('exactly one refresh reaches AFAS; both processes get the same new access token; the old refresh token is dead', async () => {
    const databaseUrl = url ?? '';
    const schema = `afas_oauth_procs_${process.pid}_${randomBytes(4).toString('hex')}`;
    // The sandbox's clock starts one token lifetime (and a second) ago: the token it issues at once
    // has expired by real time, which the processes (on the system clock) and AFAS then agree on.
    const fake = new FakeClock(new Date(Date.now() - LIFETIME_MS - 1_000).toISOString());
    const clock = { now: () => fake.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), advance: (ms: number) => fake.advance(ms) };
    const sandbox = new AfasSandbox({ clock, oauthLifetimes: { accessTokenMs: LIFETIME_MS } });
    const { baseUrl } = await sandbox.listen(0);
    const processes: RefreshProcess[] = [];
    const storage = await openStorage({ databaseUrl, dataDir: ':memory:', secretBox: new AesGcmSecretBox({ current: SECRET_KEY }), postgresSchema: schema });
    try {
      const now = clock.now();
      await storage.connections.save({
        id: 'default', tenantId: null, name: 'AFAS', environment: 'sandbox', baseUrl, insiteUrl: 'https://12345.afasinsite.nl', tasksConnector: 'Teams_Tasks', signalsConnector: 'Teams_Signals',
        taskFieldMap: {}, signalFieldMap: {}, taskUrlTemplate: null, signalUrlTemplate: null, defaultTasksUrl: 'https://12345.afasinsite.nl', useDefaultTasksUrl: false, defaultList: 'task', taskActions: { enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' },
        isDefault: true, enabled: true, createdAt: now, updatedAt: now,
      });
      await storage.connectionOAuth.save('default', { authMode: 'oauth', clientId: DEMO_OAUTH_CLIENT_ID, scope: '' }, now, DEMO_OAUTH_CLIENT_SECRET);
      const issued = sandbox.oauth.issueTokens(JAN, DEMO_OAUTH_CLIENT_ID);
      await storage.oauthTokens.saveSignIn({ user: USER, connectionId: 'default', afasUserId: 'OAuth', activatedAt: now }, { ...issued, expiresAt: new Date(now.getTime() + LIFETIME_MS) });
      await storage.close();

      const env = { REFRESH_DATABASE_URL: databaseUrl, REFRESH_SCHEMA: schema, REFRESH_SECRET_KEY: SECRET_KEY.toString('hex'), REFRESH_PUBLIC_URL: PUBLIC_URL };
      processes.push(new RefreshProcess(0, env), new RefreshProcess(1, env));
      for (const child of processes) expect(await child.next()).toEqual({ ready: true });
      // The sandbox catches up with real time: the access token has expired at AFAS too.
      await clock.advance(Date.now() - clock.now().getTime());
      expect((await fetch(`${baseUrl}/ProfitVersion`, { headers: { Authorization: `Bearer ${issued.accessToken}` } })).status).toBe(401);

      // Both ask at the same wall-clock moment, a little after the command reaches them.
      const at = Date.now() + 300;
      for (const child of processes) child.send({ at, user: USER });
      const replies = await Promise.all(processes.map((child) => child.next()));

      const refreshes = sandbox.oauth.tokenRequests().filter((r) => r.grantType === 'refresh_token');
      expect(refreshes).toEqual([expect.objectContaining({ outcome: 'issued' })]);
      const [first, second] = replies;
      expect(first).toEqual({ token: expect.any(String) });
      expect(second).toEqual(first);
      const token = (first as { token: string }).token;
      expect(token).not.toBe(issued.accessToken);
      expect((await fetch(`${baseUrl}/ProfitVersion`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);

      // The old refresh token was rotated away: AFAS refuses it.
      const replay = await fetch(`${baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: issued.refreshToken, client_id: DEMO_OAUTH_CLIENT_ID, client_secret: DEMO_OAUTH_CLIENT_SECRET }),
      });
      expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    } finally {
      await Promise.all(processes.map((child) => child.stop()));
      for (const child of processes) child.removeBundle();
      await sandbox.close();
      const admin = await PostgresDriver.connect({ connectionString: databaseUrl });
      await admin.execute(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    }
  }, 60_000);
});
