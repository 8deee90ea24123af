import { AxiosAfasClientFactory } from '../../src/afas/axios-afas-client-factory';
import type { AfasAuth } from '../../src/ports/afas-client';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { afasFailure } from '../support/afas-failure';
import { json, TinyServer, type TinyHandler } from '../support/tiny-server';

const AUTH: AfasAuth = { kind: 'afasToken', token: '<token><version>1</version><data>' + 'C0FFEE00'.repeat(8) + '</data></token>' };
const PAGE = { skip: 0, take: 100, rows: [] };

describe('AFAS calls on a kept-alive connection AFAS has just closed', () => {
  let server: TinyServer;
  let baseUrl: string;
  let clock: FakeClock;
  let logger: RecordingLogger;
  let factory: AxiosAfasClientFactory;

  /** AFAS as its keep-alive timer fires just as a connection is used again: the second request on a connection gets no answer. */
  const resetReusedConnections: TinyHandler = (request, response) => {
    if (server.seen.filter((seen) => seen.remotePort === request.remotePort).length > 1) response.socket?.destroy();
    else json(response, 200, PAGE);
  };

  beforeEach(async () => {
    server = new TinyServer(resetReusedConnections);
    baseUrl = await server.listen();
    clock = new FakeClock('2026-03-02T08:00:00Z', { autoAdvance: true });
    logger = new RecordingLogger();
    // No retries of the policy's own: only the resend of an unprocessed request may save the call.
    factory = new AxiosAfasClientFactory({ clock, logger, timeoutMs: 2000, retry: { maxAttempts: 1 } });
  });

  afterEach(async () => {
    factory.close();
    await server.close();
  });

  it('a read that dies unanswered on a reused connection is sent once more, at once, on a new connection, and succeeds', async () => {
    const client = factory.forBaseUrl(baseUrl);
    await client.getConnector(AUTH, 'Teams_Tasks');
    await expect(client.getConnector(AUTH, 'Teams_Tasks')).resolves.toMatchObject({ rows: [] });

    const [first, reset, resent] = server.seen;
    expect(server.seen).toHaveLength(3);
    expect(reset.remotePort).toBe(first.remotePort);
    expect(resent.remotePort).not.toBe(first.remotePort);
    expect(clock.sleeps).toEqual([]);
    expect(logger.lines.filter((line) => line.fields.code === 'afas_resent_after_idle_reset')).toHaveLength(1);
  });

  it('a read whose resend dies too fails as a network error, with no third request', async () => {
    const client = factory.forBaseUrl(baseUrl);
    await client.getConnector(AUTH, 'Teams_Tasks');
    server.answer((_request, response) => response.socket?.destroy());
    const error = await afasFailure(client.getConnector(AUTH, 'Teams_Tasks'));
    expect(error.code).toBe('afas_network');
    expect(server.seen).toHaveLength(3);
  });

  it('an OTP request that dies on a reused connection is not sent again: were AFAS to have taken it, a repeat would mail a second code', async () => {
    const client = factory.forBaseUrl(baseUrl);
    await client.getConnector(AUTH, 'Teams_Tasks');
    const error = await afasFailure(client.requestOtp({ apiKey: '11112222333344445555666677778888', environmentKey: '99990000AAAABBBBCCCCDDDDEEEEFFFF', userId: 'jan@example.com' }));
    expect(error.code).toBe('afas_network');
    expect(server.seen).toHaveLength(2);
  });
});
