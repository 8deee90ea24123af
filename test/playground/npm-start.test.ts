import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAYGROUND_PEOPLE } from '../../src/dev/playground-identities';
import { playgroundRequest } from '../../src/dev/playground-http';
import { playgroundConfigResponse } from '../../src/dev/playground-wire';
import { CHILD_ENV } from './child-env';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');

/**
 * `npm start` as a newcomer runs it: the default, relative DATA_DIR (./data under the working
 * directory), so the Playground's work dir is relative too.
 */
describe('npm start with the default DATA_DIR', () => {
  let cwd: string;
  let child: ChildProcess | null = null;
  let output = '';

  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'afas-npm-start-'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = once(child, 'exit');
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(cwd, { recursive: true, force: true });
  });

  it('starts the Playground signed in as the demo user Jan de Vries, chatting with "AFAS for Teams"', async () => {
    const env = { ...CHILD_ENV, PORT: '0', PLAYGROUND_PORT: '0', LOG_LEVEL: 'warn', SANDBOX_SIGNAL_INTERVAL_SECONDS: '0' };
    child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.js')], { cwd, env, detached: true });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = /Chat with the bot: (http:\/\/\S+)/.exec(output)?.[1];
        if (!found && child?.exitCode === null && !/Press Ctrl-C to stop/.test(output)) return;
        clearInterval(timer);
        if (found) resolve(found);
        else reject(new Error(`no Playground URL; npm start printed:\n${output}`));
      }, 200);
    });
    const { config } = await playgroundRequest(url, 'GET', '/_internal/v1/config', undefined, playgroundConfigResponse);
    expect(config.currentUser.name).toBe(PLAYGROUND_PEOPLE[0]!.name);
    expect(config.currentUser.email).toBe('jan.devries@horizon-groep.example');
    expect(config.bot.name).toBe('AFAS for Teams');
    const origin = /Health: +(http:\/\/\S+)\/healthz/.exec(output)?.[1];
    const start = await (await fetch(`${origin}/`)).text();
    expect(start).toContain(`<a href="${url}">Chat with the bot</a>`);
  });

  it("prints no deprecation warning from restify's spdy dependency", () => {
    expect(output).not.toContain('DEP0111');
  });
});
