import { createServer, type Server, type Socket } from 'node:net';
import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { ssoAdminAuthenticator } from '../../src/http/admin-auth';
import { operatorScope } from '../../src/use-cases/admin/admin-scope';
import { inputProblem } from '../../src/use-cases/admin/validation';
import type { ConnectionCheck } from '../../src/use-cases/admin/connection-check';
import { RecordingLogger } from '../fakes/recording-logger';
import { AdminHarness, PEOPLE, type Person } from '../support/admin-harness';

const NOT_AN_AFAS_HOST = inputProblem('environment', 'notAfasHost');

type Json = Record<string, unknown>;

/** A loopback port that counts connections and answers each the way `behaviour` says. */
async function probe(behaviour: 'reset' | 'closed'): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.resetAndDestroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  if (behaviour === 'closed') await close();
  return { port, connections: () => count, close: behaviour === 'closed' ? async () => undefined : close };
}

/**
 * An app owner of one tenant is not the operator: through the admin API (with Teams SSO tokens)
 * they may point connections only at AFAS Online, so the server cannot be used to probe its network.
 */
describe('where app owners may point a connection', () => {
  let h: AdminHarness;
  let issuer: DevTokenIssuer;
  let target: Awaited<ReturnType<typeof probe>>;

  async function start(allowed: (sandbox: string, probeUrl: string) => string[] = () => []): Promise<void> {
    issuer = await DevTokenIssuer.create({ tenantId: PEOPLE.olga.tenantId, clock: { now: () => new Date(), sleep: async () => undefined } });
    target = await probe('reset');
    const probeUrl = `http://127.0.0.1:${target.port}/ProfitRestServices`;
    h = await AdminHarness.start({ authenticate: ssoAdminAuthenticator(issuer, new RecordingLogger()), allowedBaseUrls: (sandbox) => allowed(sandbox, probeUrl) });
    await h.addOwner('olga');
    await h.addOwner('oscar', null);
  }
  afterEach(async () => {
    await h?.close();
    await target?.close();
  });

  async function call(person: Person, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json; text: string }> {
    const who = PEOPLE[person];
    const token = await issuer.issue({ tenantId: who.tenantId, aadObjectId: who.aadObjectId, name: person, upn: who.upn });
    const res = await fetch(`${h.origin}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? {} : JSON.parse(text)) as Json, text };
  }

  const create = (person: Person, environment: string) => call(person, 'POST', '/api/admin/connections', { name: 'Probe', environment, insiteUrl: 'https://12345.afasinsite.nl', apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY });

  it('refuses this machine, the inside network and look-alike hosts, without contacting them or echoing the address', async () => {
    await start();
    const refused = [
      `http://127.0.0.1:${target.port}/ProfitRestServices`,
      `http://localhost:${target.port}/ProfitRestServices`,
      'https://intranet.contoso.local/ProfitRestServices',
      'https://12345.rest.afas.online:8443/ProfitRestServices',
      'https://12345.rest.afas.online.contoso.example/ProfitRestServices',
      'https://12345.rest.afas.online/admin',
      'https://12345.afasonlineconnector.nl/profitrestservices',
    ];
    for (const environment of refused) {
      for (const person of ['olga', 'oscar'] as const) {
        const res = await create(person, environment);
        expect({ environment, person, status: res.status, problems: res.body.problems }).toEqual({ environment, person, status: 400, problems: [NOT_AN_AFAS_HOST] });
        expect(res.text).not.toContain(environment);
      }
    }
    expect(await h.storage.connections.list()).toEqual([]);
    expect(target.connections()).toBe(0);
  });

  it('accepts AFAS Online environments by name, number or their own URL', async () => {
    await start();
    for (const environment of ['O12345AA', 'T12345AA', '54321', 'https://12345.restaccept.afas.online/ProfitRestServices/']) {
      const res = await create('olga', environment);
      expect({ environment, status: res.status }).toEqual({ environment, status: 201 });
      expect(String(res.body.baseUrl)).toMatch(/^https:\/\/\d{5}\.rest(test|accept)?\.afas\.online\/ProfitRestServices$/);
    }
  });

  it('refuses moving an existing connection to another host, and leaves it as it was', async () => {
    await start();
    const id = String((await create('olga', 'O12345AA')).body.id);
    const res = await call('olga', 'PATCH', `/api/admin/connections/${id}`, { environment: `http://127.0.0.1:${target.port}/ProfitRestServices`, insiteUrl: 'https://12345.afasinsite.nl' });
    expect([res.status, res.body.problems]).toEqual([400, [NOT_AN_AFAS_HOST]]);
    expect((await h.storage.connections.get(id))?.baseUrl).toBe('https://12345.rest.afas.online/ProfitRestServices');
    expect(target.connections()).toBe(0);
  });

  it('other addresses come from the operator: AFAS_ALLOWED_BASE_URLS, the AFAS_* connection, or the command line', async () => {
    await start((_sandbox, probeUrl) => [probeUrl]);
    expect((await create('olga', `http://127.0.0.1:${target.port}/ProfitRestServices`)).status).toBe(201);
    // The AFAS_* connection's address (in demo mode the embedded sandbox) was chosen by the operator.
    await h.registerSharedDefault();
    expect((await create('olga', h.sandboxBaseUrl)).status).toBe(201);
    // An operator on the command line may use any https (or local http) address.
    const view = await h.admin.saveConnection.create(operatorScope('ops'), { name: 'Proxy', environment: 'https://afas-proxy.contoso.example/ProfitRestServices', insiteUrl: 'https://12345.afasinsite.nl' });
    expect(view.baseUrl).toBe('https://afas-proxy.contoso.example/ProfitRestServices');
  });

  it('"Test connection" says only that AFAS could not be reached: a reset and a closed port read alike', async () => {
    const closed = await probe('closed');
    await start((_sandbox, probeUrl) => [probeUrl, `http://127.0.0.1:${closed.port}/ProfitRestServices`]);
    const messages: string[] = [];
    for (const port of [target.port, closed.port]) {
      const id = String((await create('olga', `http://127.0.0.1:${port}/ProfitRestServices`)).body.id);
      await h.activate('olga', id);
      const pending = call('olga', 'POST', `/api/admin/connections/${id}/test`);
      let settled = false;
      void pending.finally(() => (settled = true));
      // Reads are retried with backoff on the harness's fake clock: let the waits pass.
      while (!settled) {
        await h.clock.advance(10_000);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const res = await pending;
      const check = res.body as unknown as ConnectionCheck;
      expect(check.outcome).toBe('problems');
      messages.push(check.findings[0].message.replace(String(port), 'PORT'));
      expect(res.text).not.toMatch(/ECONN|socket|hang up|refused|reset|EHOST|timeout|timed out/i);
    }
    expect(messages).toEqual([
      'Could not reach AFAS at 127.0.0.1:PORT. Check the environment of this connection, or try again later.',
      'Could not reach AFAS at 127.0.0.1:PORT. Check the environment of this connection, or try again later.',
    ]);
  });
});
