import { AppError } from '../../src/domain/app-error';
import { HttpServer } from '../../src/http/http-server';
import { RecordingLogger } from '../fakes/recording-logger';

describe('the HTTP server', () => {
  let server: HttpServer;
  let origin: string;
  let ready: boolean;
  const logger = new RecordingLogger();

  beforeEach(async () => {
    ready = true;
    server = new HttpServer({ logger, readiness: async () => { if (!ready) throw new Error('database down'); } });
    server.restify.get('/boom', async () => { throw new AppError('afas_unauthorized', 'AFAS answered 401'); });
    server.restify.get('/crash', async () => { throw new Error('internal detail with a token abc'); });
    server.restify.get('/slow', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      res.send(200, { done: true });
    });
    ({ origin } = await server.listen(0, '127.0.0.1'));
  });

  afterEach(() => server.close(100));

  it('answers /healthz while alive', async () => {
    const res = await fetch(`${origin}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/.+/);
  });

  it('answers /readyz with 503 when storage does not answer, and 200 when it does', async () => {
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    ready = false;
    const res = await fetch(`${origin}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not ready', code: 'not_ready' });
  });

  it('answers an unknown path with a JSON 404 that has a code', async () => {
    const res = await fetch(`${origin}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'not_found' });
  });

  it('turns a typed error into its status and code, without a stack', async () => {
    const res = await fetch(`${origin}/boom`);
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'afas_unauthorized', message: 'AFAS answered 401' });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });

  it('hides the details of an unexpected error from the client but logs it with the request id', async () => {
    const res = await fetch(`${origin}/crash`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { requestId?: string };
    expect(body).toEqual({ code: 'internal_error', message: 'Something went wrong on our side.', requestId: res.headers.get('x-request-id') });
    expect(logger.lines.some((l) => l.message === 'request failed' && l.fields.requestId === body.requestId)).toBe(true);
  });

  it('logs every request as JSON fields with its id, status and duration', async () => {
    const res = await fetch(`${origin}/healthz`);
    const id = res.headers.get('x-request-id');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logger.lines).toContainEqual(expect.objectContaining({ message: 'request', fields: expect.objectContaining({ requestId: id, path: '/healthz', status: 200, ms: expect.any(Number) }) }));
  });

  it('lets an in-flight request finish on close, then refuses new connections', async () => {
    const pending = fetch(`${origin}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requestsInFlight).toBe(1);
    await server.close(5_000);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
  });
});
