import { createServer, plugins, type Server } from 'restify';
import type { AddressInfo } from 'node:net';
import { AfasSandbox } from '../../sandbox';
import { KEYS, authorization } from '../support/sandbox-http';

const PREFIX = '/sandbox/afas/ProfitRestServices';

type HostParsing = 'parsers' | 'raw-body-reader' | 'none';

async function hostWith(sandbox: AfasSandbox, parsing: HostParsing): Promise<{ server: Server; origin: string }> {
  const server = createServer({ name: 'host' });
  if (parsing === 'parsers') {
    server.use(plugins.queryParser());
    server.use(plugins.bodyParser());
  }
  if (parsing === 'raw-body-reader') server.use(plugins.bodyReader());
  server.get('/health', (_req, res, next) => {
    res.send(200, { ok: true });
    next();
  });
  sandbox.registerRoutes(server, PREFIX);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stop(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.server.closeAllConnections();
  });
}

describe.each<[string, HostParsing]>([
  ['a host server with its own body and query parsers', 'parsers'],
  ['a host server that only reads raw bodies', 'raw-body-reader'],
  ['a bare host server', 'none'],
])('mounted in %s', (_name, parsing) => {
  let sandbox: AfasSandbox;
  let server: Server;
  let origin: string;

  beforeEach(async () => {
    sandbox = new AfasSandbox();
    ({ server, origin } = await hostWith(sandbox, parsing));
  });
  afterEach(async () => {
    await sandbox.close();
    await stop(server);
  });

  const post = (path: string, body: unknown) =>
    fetch(`${origin}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  test('the OTP flow and connectors work below the prefix, and the host keeps its own routes', async () => {
    expect((await post(`${PREFIX}/otprequest`, { ...KEYS, userId: '12345.fbakker' })).status).toBe(200);
    const otp = sandbox.mailbox.latestCodeFor('12345.fbakker');
    const validation = await post(`${PREFIX}/otpvalidation`, { ...KEYS, userId: '12345.fbakker', otp });
    const { token } = (await validation.json()) as { token: string };
    const res = await fetch(`${origin}${PREFIX}/connectors/Teams_Signals?skip=0&take=3&orderbyfieldids=-signaldate`, {
      headers: { Authorization: authorization(token.trim()) },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rows: unknown[] }).rows).toHaveLength(3);
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ ok: true });
  });

  test('any casing of the prefix and path reaches the sandbox', async () => {
    expect((await post('/SANDBOX/afas/profitrestservices/OtpRequest', { ...KEYS, userId: '12345.fbakker' })).status).toBe(200);
    expect(sandbox.mailbox.messages()).toHaveLength(1);
  });

  test('the mailbox is served at /sandbox/mail and /sandbox/mail.json', async () => {
    await post(`${PREFIX}/otprequest`, { ...KEYS, userId: '12345.fbakker' });
    const mails = (await (await fetch(`${origin}/sandbox/mail.json`)).json()) as { to: string }[];
    expect(mails.map((m) => m.to)).toEqual(['fleur.bakker@horizon-groep.example']);
    expect((await fetch(`${origin}/sandbox/mail`)).headers.get('content-type')).toContain('text/html');
  });

  test('close() on a mounted sandbox releases hanging requests without stopping the host', async () => {
    sandbox.faults.set({ kind: 'hang' });
    const call = fetch(`${origin}${PREFIX}/ProfitVersion`).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sandbox.close();
    expect(await call).toBe('dropped');
    expect((await fetch(`${origin}/health`)).status).toBe(200);
  });
});

test('the mailbox routes are registered once when a server mounts the sandbox under two prefixes', async () => {
  const sandbox = new AfasSandbox();
  const server = createServer({ name: 'host' });
  sandbox.registerRoutes(server, '/ProfitRestServices');
  expect(() => sandbox.registerRoutes(server, PREFIX)).not.toThrow();
  await sandbox.close();
});
