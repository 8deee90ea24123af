import { request } from 'node:http';
import { generateKeyPair } from 'jose';
import { FakeChannelKeys } from '../fakes/fake-channel-keys';
import { startDemoApp } from '../support/demo-app';
import { freePort } from '../support/running-product';

const APP_ID = '0b6e1c3a-1f2d-4e5a-9b8c-7d6e5f4a3b2c';
const TENANT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SERVICE_URL = 'http://127.0.0.1:9/teams/';

function activity(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'typing', id: 'a-1', channelId: 'msteams', serviceUrl: SERVICE_URL, timestamp: new Date().toISOString(),
    from: { id: '29:jan', aadObjectId: 'aad-jan' }, recipient: { id: `28:${APP_ID}` },
    conversation: { id: 'a:jan-chat', tenantId: TENANT_ID, conversationType: 'personal' }, ...extra,
  };
}

/** Everything written to stderr (and console.error, which writes there) while `run` runs. */
async function stderrDuring(run: () => Promise<void>): Promise<string> {
  let written = '';
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    written += `${args.map(String).join(' ')}\n`;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
    error.mockRestore();
  }
  return written;
}

describe('POST /api/messages of an authenticated bot, before its turn runs', () => {
  const keys = new FakeChannelKeys();
  let demo: Awaited<ReturnType<typeof startDemoApp>>;

  beforeAll(async () => {
    await keys.start();
    demo = await startDemoApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-here', MicrosoftAppTenantId: TENANT_ID, HOST: '127.0.0.1', BOT_OPENID_METADATA_URL: keys.metadataUrl });
  });
  afterAll(async () => {
    await demo.stop();
    await keys.close();
  });

  async function post(body: string, headers: Record<string, string>): Promise<{ status: number; text: string; retryAfter: string | null }> {
    const res = await fetch(`${demo.app.origin}/api/messages`, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text(), retryAfter: res.headers.get('retry-after') };
  }
  const json = (token?: string) => ({ 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) });
  const errorLines = () => demo.logger.lines.filter((line) => line.level === 'error');

  it('answers a form-encoded or text body with 415 and a short JSON reason, logging no error', async () => {
    const form = await post('type=message&text=hi', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.text)).toEqual({ code: 'unsupported_media_type', message: 'Send the activity as application/json.' });
    expect((await post('hello', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(errorLines()).toEqual([]);
  });

  it('answers unparsable JSON and bodies that are not activities with 400', async () => {
    const token = await keys.token(APP_ID, { serviceUrl: SERVICE_URL });
    expect((await post('{"type":', json(token))).status).toBe(400);
    expect((await post('[1,2]', json(token))).status).toBe(400);
    const noType = await post(JSON.stringify({ text: 'hi' }), json(token));
    expect(noType.status).toBe(400);
    expect(JSON.parse(noType.text)).toEqual({ code: 'bad_activity', message: 'The body is not a Bot Framework activity: type is missing.' });
    expect(errorLines()).toEqual([]);
  });

  it('answers a missing, malformed, forged, expired or misaddressed token with 401, printing nothing on stderr', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const tokens = [
      undefined,
      'not-a-jwt',
      await keys.token(APP_ID, { serviceUrl: SERVICE_URL, signWith: stranger }),
      await keys.token(APP_ID, { serviceUrl: SERVICE_URL, expiresInSeconds: -3600 }),
      await keys.token('another-bot', { serviceUrl: SERVICE_URL }),
      await keys.token(APP_ID, { serviceUrl: SERVICE_URL, issuer: 'https://attacker.example' }),
    ];
    const answers: { status: number; text: string }[] = [];
    const stderr = await stderrDuring(async () => {
      for (const token of tokens) answers.push(await post(JSON.stringify(activity()), json(token)));
    });
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ code: 'unauthorized', message: 'A valid Bot Framework token is required.' });
    }
    expect(stderr).toBe('');
    expect(errorLines()).toEqual([]);
  });

  it('runs the turn for a request whose channel token verifies (botbuilder checks it again and agrees)', async () => {
    const token = await keys.token(APP_ID, { serviceUrl: SERVICE_URL });
    const metadataReadsBefore = keys.metadataReads;
    const answer = await post(JSON.stringify(activity()), json(token));
    expect(answer.status).toBe(200);
    expect(keys.metadataReads).toBeGreaterThan(metadataReadsBefore);
  });

  it('writes one warn line per kind of refusal under a flood, not one per request', async () => {
    const before = demo.logger.lines.length;
    for (let i = 0; i < 30; i += 1) await post(JSON.stringify(activity()), json());
    const lines = demo.logger.lines.slice(before).filter((line) => line.level !== 'debug');
    expect(lines.length).toBeLessThanOrEqual(1);
    expect(lines.every((line) => line.level === 'warn' && line.fields.code === 'unauthorized')).toBe(true);
  });
});

describe('POST /api/messages while the Bot Framework signing keys cannot be fetched', () => {
  let demo: Awaited<ReturnType<typeof startDemoApp>>;
  const keys = new FakeChannelKeys();

  beforeAll(async () => {
    await keys.start();
    const port = await freePort();
    demo = await startDemoApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-here', MicrosoftAppTenantId: TENANT_ID, HOST: '127.0.0.1', BOT_OPENID_METADATA_URL: `http://127.0.0.1:${port}/openid` });
  });
  afterAll(async () => {
    await demo.stop();
    await keys.close();
  });

  it('answers 503 with Retry-After and tells the caller nothing about the inside network', async () => {
    const token = await keys.token(APP_ID, { serviceUrl: SERVICE_URL });
    let res: Response | null = null;
    const stderr = await stderrDuring(async () => {
      res = await fetch(`${demo.app.origin}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(activity()) });
    });
    const answer = res as unknown as Response;
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('30');
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({ code: 'auth_unavailable', message: 'Requests cannot be verified right now; try again shortly.' });
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|openid|fetch/i);
    expect(stderr).toBe('');
    const warn = demo.logger.lines.find((line) => line.fields.code === 'auth_unavailable');
    expect(warn?.level).toBe('warn');
    expect(demo.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});

describe('demo mode against DNS rebinding: loopback host names only', () => {
  let demo: Awaited<ReturnType<typeof startDemoApp>>;

  beforeAll(async () => {
    demo = await startDemoApp();
  });
  afterAll(async () => demo.stop());

  /** A request to the server's loopback socket carrying the Host a rebinding page's browser would send. */
  function withHost(method: string, path: string, host: string, body?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: demo.app.port, method, path, headers: { Host: host, 'Content-Type': 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it.each(['/sandbox/mail.json', '/sandbox/mail'])('refuses %s to a foreign host name and serves it to localhost', async (path) => {
    const foreign = await withHost('GET', path, `rebind.attacker.example:${demo.app.port}`);
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.text).code).toBe('loopback_only');
    for (const host of [`localhost:${demo.app.port}`, `127.0.0.1:${demo.app.port}`]) expect((await withHost('GET', path, host)).status).toBe(200);
  });

  it('refuses the unauthenticated bot endpoint to a foreign host name', async () => {
    const body = JSON.stringify(activity({ type: 'message', text: 'my tasks' }));
    expect((await withHost('POST', '/api/messages', `rebind.attacker.example:${demo.app.port}`, body)).status).toBe(403);
    expect((await withHost('POST', '/api/messages', `localhost:${demo.app.port}`, JSON.stringify(activity()))).status).toBe(200);
  });

  it('does not show the development host to a foreign host name', async () => {
    expect((await withHost('GET', '/dev/', `rebind.attacker.example:${demo.app.port}`)).status).toBe(404);
    expect((await withHost('GET', '/dev/', `localhost:${demo.app.port}`)).status).toBe(200);
  });
});
