import { CHILD_ENV } from './child-env';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { isAppError } from '../../src/domain/app-error';
import { AgentsPlayground } from '../../src/dev/agents-playground';
import { resolvePlaygroundCli } from '../../src/dev/playground-cli-path';
import { RecordingLogger } from '../fakes/recording-logger';
import { startEchoBot, type EchoBot } from '../support/echo-bot';
import { canInspectProcesses, descendantsOf, isAlive, waitUntilGone } from './process-tree';

jest.setTimeout(60_000);
const linuxOnly = canInspectProcesses ? it : it.skip;

describe('the Agents Playground launcher', () => {
  let workDir: string;
  let bot: EchoBot;

  beforeAll(async () => {
    bot = await startEchoBot();
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'playground-launcher-'));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  function fakeCli(source: string): string {
    const path = join(workDir, 'fake-cli.js');
    writeFileSync(path, source);
    return path;
  }

  it('writes a config with the current user and exactly five others into its work dir, and its logs under devTools/', async () => {
    const playground = new AgentsPlayground({ baseEnv: CHILD_ENV, botEndpoint: bot.url, workDir, logger: new RecordingLogger(), preferredPort: 0 });
    try {
      const { url, port } = await playground.start();
      expect(url).toBe(`http://localhost:${port}`);
      const config: unknown = JSON.parse(readFileSync(join(workDir, '.m365agentsplayground.yml'), 'utf8').replace(/^#.*\n/, ''));
      expect(config).toMatchObject({ currentUser: { email: 'jan.devries@horizon-groep.example' }, personalChat: { id: 'a:playground-personal-chat' } });
      expect((config as { users: unknown[] }).users).toHaveLength(5);
      expect(readFileSync(playground.logFile, 'utf8')).toContain(`Listening on ${port}`);
    } finally {
      await playground.stop();
    }
  });

  it('reports the port the Playground really took when the preferred one is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const playground = new AgentsPlayground({ baseEnv: CHILD_ENV, botEndpoint: bot.url, workDir, logger: new RecordingLogger(), preferredPort: taken });
    try {
      const { url, port } = await playground.start();
      expect(port).not.toBe(taken);
      expect(await (await fetch(`${url}/_debug/ping`)).text()).toBe('pong');
    } finally {
      await playground.stop();
      blocker.close();
    }
  });

  it('starts again after a stop, on the port the new child reports', async () => {
    const playground = new AgentsPlayground({ baseEnv: CHILD_ENV, botEndpoint: bot.url, workDir, logger: new RecordingLogger(), preferredPort: 0 });
    try {
      await playground.start();
      const firstPid = playground.pid;
      await playground.stop();
      const { url } = await playground.start();
      expect(playground.pid).not.toBe(firstPid);
      expect(await (await fetch(`${url}/_debug/ping`)).text()).toBe('pong');
    } finally {
      await playground.stop();
    }
  });

  linuxOnly('when stopped, leaves no process behind', async () => {
    const playground = new AgentsPlayground({ baseEnv: CHILD_ENV, botEndpoint: bot.url, workDir, logger: new RecordingLogger(), preferredPort: 0 });
    await playground.start();
    const pid = playground.pid ?? -1;
    const family = [pid, ...descendantsOf(pid)];
    expect(isAlive(pid)).toBe(true);
    await playground.stop();
    expect(family.filter(isAlive)).toEqual([]);
    expect(descendantsOf(process.pid).filter((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('m365agentsplayground'))).toEqual([]);
    await playground.stop();
  });

  linuxOnly.each(['SIGKILL', 'SIGTERM'] as const)('when the process that started it dies by %s, the Playground goes too', async (signal) => {
    const harness = join(workDir, 'launch-and-wait.js');
    buildSync({ entryPoints: [join(__dirname, 'fixtures', 'launch-and-wait.ts')], bundle: true, platform: 'node', outfile: harness, logLevel: 'error' });
    const parent = spawn(process.execPath, [harness, join(workDir, 'pg'), bot.url, resolvePlaygroundCli()], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(parent.stdout, 'data')) as [Buffer];
    const { pid } = JSON.parse(line.toString()) as { pid: number };
    expect(isAlive(pid)).toBe(true);
    parent.kill(signal);
    expect(await waitUntilGone(pid, 10_000)).toBe(true);
  });

  it('fails with playground_failed and the reason from its devTools log when the Playground exits at start', async () => {
    const cliPath = fakeCli(`
      const fs = require('fs'), path = require('path');
      const log = process.env.M365_AGENTS_PLAYGROUND_LOGFILE;
      fs.mkdirSync(path.dirname(log), { recursive: true });
      fs.writeFileSync(log, 'log Listening on 1\\nerror Failed to start Microsoft 365 Agents Playground.\\nerror Reason: ConfigFileParseError YAML path "/users": must NOT have fewer than 5 items.\\n');
      process.stdout.write('Listening on 1\\n');
      setTimeout(() => process.exit(1), 50);`);
    const playground = new AgentsPlayground({ baseEnv: CHILD_ENV, botEndpoint: bot.url, workDir, logger: new RecordingLogger(), cliPath });
    const failure: unknown = await playground.start().catch((e: unknown) => e);
    expect(isAppError(failure, 'playground_failed')).toBe(true);
    expect(String((failure as Error).message)).toContain('must NOT have fewer than 5 items');
    expect((failure as { details: unknown }).details).toMatchObject({ reason: 'exited', exitCode: 1 });
    expect(playground.pid).toBeUndefined();
  });

  it('fails with playground_failed after the start timeout when the Playground says nothing, and ends it', async () => {
    const cliPath = fakeCli(`process.stdout.write(String(process.pid) + '\\n'); setInterval(() => {}, 1000);`);
    const logger = new RecordingLogger();
    const playground = new AgentsPlayground({ baseEnv: CHILD_ENV, botEndpoint: bot.url, workDir, logger, cliPath, startTimeoutMs: 1_500 });
    const failure: unknown = await playground.start().catch((e: unknown) => e);
    expect(isAppError(failure, 'playground_failed')).toBe(true);
    expect((failure as { details: unknown }).details).toMatchObject({ reason: 'timeout' });
    expect(String((failure as Error).message)).toContain('printed no "Listening on <port>" line');
    const childPid = Number((failure as { details: { output: string[] } }).details.output[0]);
    expect(isAlive(childPid)).toBe(false);
  });
});
