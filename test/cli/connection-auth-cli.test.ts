import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AfasSandbox } from '../../sandbox';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage } from '../../src/storage/open-storage';
import { FakeBotConnector } from '../fakes/fake-bot-connector';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'admin.js');
const API_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee01';
const ENV_KEY = 'decaf000decaf000decaf000decaf002';
const CLIENT_SECRET = 'cl1ent-sEcReT-from-stdin-7a6b5c';
const TENANT = '33333333-3333-4333-8333-333333333333';
const ENCRYPTION_KEY = Buffer.alloc(32, 4);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

describe('npm run admin -- connection auth / users / invite, spawned against a fresh SQLite DATA_DIR', () => {
  let work: string;
  let sandbox: AfasSandbox;
  let baseUrl: string;
  let connector: FakeBotConnector;
  let serviceUrl: string;

  function admin(args: string[], stdin = ''): Promise<Run> {
    const env = { PATH: process.env.PATH ?? '', HOME: work, DATA_DIR: join(work, 'data'), DEMO: 'false', TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY.toString('base64'), PUBLIC_URL: 'https://teams-app.example.nl' };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: work, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  async function withStorage<T>(work_: (storage: Awaited<ReturnType<typeof openStorage>>) => Promise<T>): Promise<T> {
    const storage = await openStorage({ dataDir: join(work, 'data'), secretBox: new AesGcmSecretBox({ current: ENCRYPTION_KEY }) });
    try {
      return await work_(storage);
    } finally {
      await storage.close();
    }
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'afas-auth-cli-'));
    sandbox = new AfasSandbox();
    ({ baseUrl } = await sandbox.listen(0));
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
  });
  afterAll(async () => {
    await connector.close();
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('sets OAuth with the secret from stdin (never printed), shows the redirect URI and counts, lists users, and invites each classic user once', async () => {
    const added = await admin(['connection', 'add', '--name', 'Sandbox', '--environment', baseUrl, '--insite-url', 'https://12345.afasinsite.nl', '--api-key', '-', '--environment-key', '-'], `${API_KEY}\n${ENV_KEY}\n`);
    const id = /Added connection (\S+)/.exec(added.stdout)?.[1] ?? '';

    const shown = await admin(['connection', 'auth', id]);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toContain(`Connection ${id} signs in with: classic`);
    expect(shown.stdout).toContain('Redirect URI to register on the app connector in AFAS: https://teams-app.example.nl/auth/afas/callback');

    const refused = await admin(['connection', 'auth', id, '--mode', 'oauth']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--client-id is required to sign in with OAuth/);
    expect(refused.stderr).toMatch(/--client-secret is required to sign in with OAuth/);

    const set = await admin(['connection', 'auth', id, '--mode', 'both', '--client-id', 'teams-app', '--client-secret', '-'], `${CLIENT_SECRET}\n`);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('signs in with: both');
    expect(set.stdout).toContain('OAuth client id: teams-app; client secret: set; scope: none');
    expect(set.stdout + set.stderr).not.toContain(CLIENT_SECRET);

    const users = [
      { tenantId: TENANT, aadObjectId: 'aad-jan' },
      { tenantId: TENANT, aadObjectId: 'aad-lotte' },
    ];
    await withStorage(async (storage) => {
      const now = new Date();
      await storage.activations.save({ user: users[0], connectionId: id, afasUserId: 'jan@example.nl', activatedAt: now }, sandbox.issueToken('jan.devries@horizon-groep.example'));
      await storage.oauthTokens.saveSignIn({ user: users[1], connectionId: id, afasUserId: 'lotte@example.nl', activatedAt: now }, { accessToken: 'a', refreshToken: 'r', expiresAt: new Date(now.getTime() + 3_600_000) });
      for (const user of users) {
        const reference = { channelId: 'msteams', serviceUrl, bot: { id: '28:afas-bot' }, user: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId }, conversation: { id: `a:chat-${user.aadObjectId}`, tenantId: TENANT, conversationType: 'personal' } };
        await storage.conversations.save(user, reference, now);
      }
    });

    const listed = await admin(['connection', 'users', id]);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^TENANT\s+TEAMS USER\s+AFAS USER\s+SIGN-IN\s+ACTIVATED$/);
    expect(listed.stdout).toMatch(/aad-jan\s+jan@example\.nl\s+classic/);
    expect(listed.stdout).toMatch(/aad-lotte\s+lotte@example\.nl\s+oauth/);
    expect(listed.stdout).toContain('1 classic, 1 OAuth.');

    const invited = await admin(['connection', 'invite', id]);
    expect(invited).toMatchObject({ code: 0, stderr: '' });
    expect(invited.stdout).toContain('Invited: 1. Invited earlier today: 0. Not reached (no chat with the bot, or Teams refused): 0.');
    expect(connector.received.map((r) => r.conversationId)).toEqual(['a:chat-aad-jan']);
    expect(JSON.stringify(connector.received[0].activity)).toContain('https://teams-app.example.nl/auth/afas/start?t=');

    const again = await admin(['connection', 'invite', id]);
    expect(again.stdout).toContain('Invited: 0. Invited earlier today: 1.');
    expect(connector.received).toHaveLength(1);

    const audit = await withStorage((storage) => storage.audit.list({ limit: 20 }));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['connection.auth', 'connection.oauthInvite']));
    expect(JSON.stringify(audit)).not.toContain(CLIENT_SECRET);
  });
});
