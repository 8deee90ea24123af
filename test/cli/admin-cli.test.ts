import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { AfasSandbox } from '../../sandbox';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage } from '../../src/storage/open-storage';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'admin.js');
const API_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee01';
const ENV_KEY = 'decaf000decaf000decaf000decaf002';
const JAN = 'jan.devries@horizon-groep.example';
const TENANT = '33333333-3333-4333-8333-333333333333';
/** The operator's key: the CLI runs outside demo mode, as on a server (demo mode would make Jan an owner). */
const ENCRYPTION_KEY = Buffer.alloc(32, 4);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

describe('npm run admin (the CLI), spawned against a fresh SQLite DATA_DIR', () => {
  let work: string;
  let sandbox: AfasSandbox;
  let baseUrl: string;
  const seen: string[] = [];

  /** Runs the CLI as an operator would, in a directory without .env and with only DATA_DIR and the key set (or in demo mode). */
  function admin(args: string[], stdin = '', mode: 'operator' | 'demo' = 'operator'): Promise<Run> {
    const keys = mode === 'operator' ? { DEMO: 'false', TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY.toString('base64') } : {};
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work, DATA_DIR: join(work, 'data'), ...keys } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        seen.push(stdout, stderr);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(stdin);
    });
  }

  async function withStorage<T>(work_: (storage: Awaited<ReturnType<typeof openStorage>>) => Promise<T>): Promise<T> {
    const dataDir = join(work, 'data');
    const storage = await openStorage({ dataDir, secretBox: new AesGcmSecretBox({ current: ENCRYPTION_KEY }) });
    try {
      return await work_(storage);
    } finally {
      await storage.close();
    }
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'afas-admin-cli-'));
    sandbox = new AfasSandbox();
    ({ baseUrl } = await sandbox.listen(0));
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('round trip: add (keys from stdin), list shows "set", test before and after activation, a missing field, remove', async () => {
    const added = await admin(['connection', 'add', '--name', 'Sandbox', '--environment', baseUrl, '--insite-url', 'https://12345.afasinsite.nl', '--api-key', '-', '--environment-key', '-', '--default'], `${API_KEY}\n${ENV_KEY}\n`);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const id = /Added connection (\S+) \("Sandbox"\) for every tenant/.exec(added.stdout)?.[1] ?? '';
    expect(id).toMatch(/^sandbox-[0-9a-f]{6}$/);
    expect(added.stdout).toContain('API key and environment key: set.');

    const listed = await admin(['connection', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+TENANT\s+ENVIRONMENT\s+CONNECTORS\s+DEFAULT\s+ENABLED\s+KEYS$/);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+Sandbox\\s+every tenant\\s+\\S+\\s+Teams_Tasks, Teams_Signals\\s+yes\\s+yes\\s+set`));

    const unconfirmed = await admin(['connection', 'test', id]);
    expect(unconfirmed.code).toBe(3);
    expect(unconfirmed.stdout).toContain('AFAS cannot confirm the API key and environment key until someone activates');
    expect(sandbox.stats.requests).toHaveLength(0);

    await withStorage((storage) => storage.activations.save({ user: { tenantId: TENANT, aadObjectId: 'aad-jan' }, connectionId: id, afasUserId: JAN, activatedAt: new Date() }, sandbox.issueToken(JAN)));
    const confirmed = await admin(['connection', 'test', id, '--as', JAN.toUpperCase()]);
    expect(confirmed.stdout).toContain(`tested with the activation of ${JAN}`);
    expect(confirmed.stdout).toContain('ok       AFAS Profit 7.2.1.0 answers');
    expect(confirmed.stdout).toContain('Result: everything checked is in order.');
    expect(confirmed.code).toBe(0);

    // An optional field missing is a note: the exit code follows the required fields (id, title) only.
    sandbox.removeConnectorField('Teams_Signals', 'signaltype');
    const noted = await admin(['connection', 'test', id, '--as', JAN]);
    expect(noted.code).toBe(0);
    expect(noted.stdout).toContain('WARNING  GetConnector Teams_Signals has no signaltype (type), so the signals show without: the type of an item.');
    sandbox.removeConnectorField('Teams_Signals', 'description');
    const lacking = await admin(['connection', 'test', id, '--as', JAN]);
    expect(lacking.code).toBe(1);
    expect(lacking.stdout).toContain('PROBLEM  GetConnector Teams_Signals lacks a field the signals cannot do without: description (title). In Profit, open GetConnector Teams_Signals, add it on the "Gegevens" tab');

    const removed = await admin(['connection', 'remove', id]);
    expect(removed).toMatchObject({ code: 0, stdout: `Removed connection ${id}.\n` });
    expect((await admin(['connection', 'list'])).stdout).toContain('No connections yet.');

    const events = await withStorage((storage) => storage.audit.list({ limit: 20 }));
    expect(events.map((e) => e.action).reverse()).toEqual(['connection.create', 'connection.test', 'connection.test', 'connection.test', 'connection.test', 'connection.remove']);
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set([`cli:${userInfo().username}`]));
    expect(events.at(-1)?.details).toMatchObject({ apiKey: '[set]', environmentKey: '[set]' });
  });

  it('owners: add, list, remove; the last one stays', async () => {
    expect(await admin(['owners', 'add', 'Anna@Contoso.nl', '--name', 'Anna Jansen'])).toMatchObject({ code: 0, stdout: 'Added anna@contoso.nl as an owner of every tenant.\n' });
    expect((await admin(['owners', 'add', 'bob@contoso.nl', '--tenant', TENANT])).code).toBe(0);
    const listed = await admin(['owners', 'list']);
    expect(listed.stdout).toMatch(/anna@contoso\.nl\s+Anna Jansen\s+every tenant\s+cli:/);
    expect(listed.stdout).toMatch(new RegExp(`bob@contoso\\.nl\\s+${TENANT}`));
    expect((await admin(['owners', 'list', '--tenant', 'someone-else'])).stdout).not.toContain('bob@');
    expect(await admin(['owners', 'remove', 'bob@contoso.nl', '--tenant', TENANT])).toMatchObject({ code: 0 });
    const last = await admin(['owners', 'remove', 'anna@contoso.nl']);
    expect(last.code).toBe(1);
    expect(last.stderr).toBe('error: anna@contoso.nl is the last owner of every tenant: add another owner first, so someone can still change the settings.\n');
    expect((await admin(['owners', 'add', 'anna@contoso.nl'])).stderr).toContain('already an owner');
  });

  it('in demo mode keeps the owner a demo start makes (Jan), as the server does', async () => {
    const demoWork = mkdtempSync(join(tmpdir(), 'afas-cli-demo-'));
    const saved = work;
    work = demoWork;
    try {
      const listed = await admin(['owners', 'list'], '', 'demo');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain(JAN);
      expect((await admin(['owners', 'list'], '', 'demo')).stdout).toContain(JAN);
    } finally {
      work = saved;
      rmSync(demoWork, { recursive: true, force: true });
    }
  });

  it('bad input ends with a readable message and an exit code other than 0, and never echoes a key', async () => {
    const wrong = await admin(['connection', 'add', '--name', 'x', '--environment', 'X12', '--api-key', '-', '--environment-key', '-'], `not-a-key-${API_KEY}\n${ENV_KEY}\n`);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Not saved:\n');
    expect(wrong.stderr).toContain('  --api-key must be 32 hexadecimal characters');
    expect(wrong.stderr).toContain('  --environment must be an environment name such as O12345AA');

    const missingKeys = await admin(['connection', 'add', '--name', 'x', '--environment', 'O12345AA']);
    expect(missingKeys.code).toBe(2);
    expect(missingKeys.stderr).toContain('--api-key is required.');
    const tooFewLines = await admin(['connection', 'add', '--name', 'x', '--environment', 'O12345AA', '--api-key', '-', '--environment-key', '-'], `${API_KEY}\n`);
    expect([tooFewLines.code, tooFewLines.stderr]).toEqual([2, 'Standard input has 1 line(s), but --api-key - and --environment-key - need one key a line.\n']);

    expect(await admin(['connection', 'list', '--colour'])).toMatchObject({ code: 2, stderr: "Unknown option '--colour'.\n" });
    expect((await admin(['connection', 'remove'])).stderr).toContain('"connection remove" takes <id>.');
    expect((await admin(['connections', 'list'])).code).toBe(2);
    expect((await admin([])).code).toBe(2);
    expect(await admin(['connection', 'remove', 'nope'])).toMatchObject({ code: 1, stderr: 'error: There is no connection "nope".\n' });

    const help = await admin(['connection', 'test', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit code: 0 in order, 1 problems found, 3 the keys could not be confirmed');
  });

  it('acting on tasks: on with AFAS\'s connector names unless flags change them; --no-task-actions adds it off; a bad name names its flag', async () => {
    const add = (name: string, ...flags: string[]) => admin(['connection', 'add', '--name', name, '--environment', 'O12345AA', '--api-key', '-', '--environment-key', '-', ...flags], `${API_KEY}\n${ENV_KEY}\n`);
    const idOf = (run: Run) => /Added connection (\S+)/.exec(run.stdout)?.[1] ?? '';
    const standard = await add('Standard actions');
    expect(standard.stdout).toContain('Acting on tasks: on, with Profit_Subject_Tasks, Profit_Workflowactions and KnSubjectWorkflowReaction.');
    const own = await add('Own actions', '--subject-tasks-connector', 'Eigen_Taken', '--workflow-actions-connector', 'Eigen_Acties', '--task-reaction-connector', 'Eigen_Reactie');
    expect(own).toMatchObject({ code: 0, stderr: '' });
    expect(own.stdout).toContain('Acting on tasks: on, with Eigen_Taken, Eigen_Acties and Eigen_Reactie.');
    const off = await add('No actions', '--no-task-actions', '--task-reaction-connector', 'Eigen_Reactie');
    expect(off.stdout).toContain('Acting on tasks: off.');
    const stored = await withStorage(async (storage) => Promise.all([idOf(own), idOf(off)].map(async (id) => (await storage.connections.get(id))?.taskActions)));
    expect(stored).toEqual([
      { enabled: true, subjectTasksConnector: 'Eigen_Taken', workflowActionsConnector: 'Eigen_Acties', reactionConnector: 'Eigen_Reactie' },
      { enabled: false, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'Eigen_Reactie' },
    ]);

    const bad = await add('Bad actions', '--workflow-actions-connector', 'no spaces');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('  --workflow-actions-connector must be a');
    const help = await admin(['connection', 'add', '--help']);
    expect(help.stdout).toMatch(/--no-task-actions +Tasks show without actions/);
  });

  it('keys given on the command line work, with a note; none of them is ever printed', async () => {
    const added = await admin(['connection', 'add', '--name', 'Flags', '--environment', '12345', '--environment-type', 'test', '--api-key', API_KEY, '--environment-key', ENV_KEY, '--tenant', TENANT]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`for ${TENANT}: https://12345.resttest.afas.online/ProfitRestServices`);
    expect(added.stderr).toContain('Note: Keys typed on the command line stay in the shell history');
    const everything = seen.join('\n');
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(ENV_KEY);
  });
});
