import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const KEY = Buffer.alloc(32, 7).toString('base64');

/** Runs src/server.ts (what `npm start` runs) in a child with `env`, until it exits or prints that it runs. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const work = mkdtempSync(join(tmpdir(), 'afas-host-'));
  const loader = `require(${JSON.stringify(join(ROOT, 'scripts', 'run-ts.js'))}).loadTs('src/server.ts', 'build/test-server-${process.pid}.js')`;
  const child = spawn(process.execPath, ['-e', loader], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work, DATA_DIR: join(work, 'data'), PORT: '0', PLAYGROUND: 'false', ...env } });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!/is running/.test(output)) return;
      clearInterval(timer);
      child.kill('SIGTERM');
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      rmSync(work, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe('an unauthenticated bot is never put on the network', () => {
  it.each([
    ['outside demo mode', { DEMO: 'false', TOKEN_ENCRYPTION_KEY: KEY, HOST: '0.0.0.0' }],
    ['in demo mode', { HOST: '0.0.0.0' }],
    ['on a named interface', { DEMO: 'false', TOKEN_ENCRYPTION_KEY: KEY, HOST: '192.168.1.20' }],
  ])('refuses to start %s with an empty MicrosoftAppId, naming HOST and MicrosoftAppId', async (_case, env) => {
    const { code, output } = await runServer(env);
    expect(code).toBe(1);
    expect(output).toContain(`HOST=${env.HOST} with an empty MicrosoftAppId`);
    expect(output).toMatch(/set MicrosoftAppId .* or leave HOST unset \(127\.0\.0\.1\)/);
    expect(output).not.toMatch(/is running|listens/);
  }, 60_000);

  it('starts on loopback with an empty MicrosoftAppId and says the endpoint is unauthenticated and local', async () => {
    const { output } = await runServer({ DEMO: 'false', TOKEN_ENCRYPTION_KEY: KEY, HOST: '127.0.0.1', LOG_FORMAT: 'json' });
    expect(output).toContain('AFAS for Teams is running');
    expect(output).toContain('/api/messages is not authenticated and answers only on 127.0.0.1, from this machine');
  }, 60_000);
});
