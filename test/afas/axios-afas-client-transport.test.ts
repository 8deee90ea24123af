import { AxiosAfasClientFactory } from '../../src/afas/axios-afas-client-factory';
import type { AfasAuth } from '../../src/ports/afas-client';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { afasFailure } from '../support/afas-failure';
import { everythingIn, expectNoSecrets } from '../support/secret-free';
import { json, refusedBaseUrl, TinyServer } from '../support/tiny-server';

const TOKEN = '<token><version>1</version><data>' + 'C0FFEE00'.repeat(8) + '</data></token>';
const AUTH: AfasAuth = { kind: 'afasToken', token: TOKEN };
const API_KEY = '11112222333344445555666677778888';
const ENV_KEY = '99990000AAAABBBBCCCCDDDDEEEEFFFF';
const PAGE = { skip: 0, take: 100, rows: [] };

describe('AxiosAfasClient over a bare HTTP server (what the sandbox cannot simulate)', () => {
  let server: TinyServer;
  let baseUrl: string;
  let clock: FakeClock;
  let logger: RecordingLogger;
  let factory: AxiosAfasClientFactory;

  beforeEach(async () => {
    server = new TinyServer((_req, res) => json(res, 200, PAGE));
    baseUrl = await server.listen();
    clock = new FakeClock('2026-03-02T08:00:00Z', { autoAdvance: true });
    logger = new RecordingLogger();
    factory = new AxiosAfasClientFactory({ clock, logger, random: () => 0.5, timeoutMs: 2000 });
  });

  afterEach(async () => {
    factory.close();
    await server.close();
  });

  it('sends the AfasToken header as base64 of the whole XML token, over one kept-alive connection, never Connection: close', async () => {
    const client = factory.forBaseUrl(baseUrl);
    await client.getConnector(AUTH, 'Teams_Tasks');
    await client.getConnector(AUTH, 'Teams_Tasks');
    expect(server.seen).toHaveLength(2);
    for (const request of server.seen) {
      expect(request.headers.authorization).toBe(`AfasToken ${Buffer.from(TOKEN).toString('base64')}`);
      expect(request.headers.connection).not.toMatch(/close/i);
    }
    expect(server.seen[1].remotePort).toBe(server.seen[0].remotePort);
  });

  it('maps 403 (IP restriction) to afas_forbidden and does not retry it', async () => {
    server.answer((_req, res) => json(res, 403, {}));
    const error = await afasFailure(factory.forBaseUrl(baseUrl).profitVersion(AUTH));
    expect(error.code).toBe('afas_forbidden');
    expect(error.message).toMatch(/^AFAS answered 403 for ProfitVersion: .*IP restriction/);
    expect(server.seen).toHaveLength(1);
  });

  it('does not follow a redirect, which would carry the token elsewhere', async () => {
    server.answer((_req, res) => {
      res.writeHead(302, { Location: 'http://127.0.0.1:1/steal' });
      res.end();
    });
    const error = await afasFailure(factory.forBaseUrl(baseUrl).metainfo(AUTH));
    expect(error.code).toBe('afas_bad_response');
    expect(error.status).toBe(302);
    expect(server.seen).toHaveLength(1);
  });

  it('retries a GET whose connection is reset, up to maxAttempts, with jittered backoff', async () => {
    server.answer((_req, res) => res.socket?.destroy());
    const error = await afasFailure(factory.forBaseUrl(baseUrl).getConnector(AUTH, 'Teams_Tasks'));
    expect(error.code).toBe('afas_network');
    expect(server.seen).toHaveLength(4);
    expect(clock.sleeps).toEqual([250, 500, 1000]);
    expect(logger.lines.filter((line) => line.message.includes('retrying'))).toHaveLength(3);
  });

  it('does not repeat an OTP request whose connection broke after it was sent: a repeat could mail a second code', async () => {
    server.answer((_req, res) => res.socket?.destroy());
    const error = await afasFailure(factory.forBaseUrl(baseUrl).requestOtp({ apiKey: API_KEY, environmentKey: ENV_KEY, userId: 'jan@example.com' }));
    expect(error.code).toBe('afas_network');
    expect(server.seen).toHaveLength(1);
    expectNoSecrets(everythingIn(error) + logger.text(), { API_KEY, ENV_KEY });
  });

  it('repeats an OTP request whose connection was refused, since it never reached AFAS', async () => {
    const client = factory.forBaseUrl(await refusedBaseUrl());
    const error = await afasFailure(client.requestOtp({ apiKey: API_KEY, environmentKey: ENV_KEY, userId: 'jan@example.com' }));
    expect(error.code).toBe('afas_network');
    expect(error.message).toContain('ECONNREFUSED');
    expect(clock.sleeps).toHaveLength(3);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    let calls = 0;
    server.answer((_req, res) => {
      calls++;
      if (calls === 1) json(res, 503, {}, { 'Retry-After': 'Mon, 02 Mar 2026 08:00:05 GMT' });
      else json(res, 200, { version: '1.0' });
    });
    await expect(factory.forBaseUrl(baseUrl).profitVersion(AUTH)).resolves.toBe('1.0');
    expect(clock.sleeps).toEqual([5000]);
  });

  it('does not wait out a long maintenance window inside a request, and tells the caller how long to pause', async () => {
    server.answer((_req, res) => json(res, 503, { retry_after: 7200 }, { 'Retry-After': '7200' }));
    const error = await afasFailure(factory.forBaseUrl(baseUrl).getConnector(AUTH, 'Teams_Tasks'));
    expect(error.code).toBe('afas_unavailable');
    expect(error.retryAfterSeconds).toBe(7200);
    expect(server.seen).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('accepts a 2xx on otprequest whatever the body says', async () => {
    server.answer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(factory.forBaseUrl(baseUrl).requestOtp({ apiKey: API_KEY, environmentKey: ENV_KEY, userId: '12345.jdoe' })).resolves.toBeUndefined();
    expect(JSON.parse(server.seen[0].body)).toEqual({ apiKey: API_KEY, apiToken: ENV_KEY, userId: '12345.jdoe' });
    expect(server.seen[0].headers.authorization).toBeUndefined();
  });

  it('rejects a validated "token" that is not a <token> document, without showing it', async () => {
    server.answer((_req, res) => json(res, 200, { token: 'SESSION-1234567890abcdef1234567890abcdef' }));
    const error = await afasFailure(factory.forBaseUrl(baseUrl).validateOtp({ apiKey: API_KEY, environmentKey: ENV_KEY, userId: 'jan@example.com', otp: '12345678' }));
    expect(error.code).toBe('afas_bad_response');
    expect(everythingIn(error)).not.toContain('1234567890abcdef1234567890abcdef');
  });

  it('refuses a plain-http base URL that is not on this machine', () => {
    expect(() => factory.forBaseUrl('http://afas.example.com/ProfitRestServices')).toThrow(/https/);
  });
});
