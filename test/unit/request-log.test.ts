import { PassThrough } from 'node:stream';
import { createPinoLogger } from '../../src/logging/pino-logger';
import { requestLogLevel } from '../../src/logging/request-log-level';

describe('the request log', () => {
  it.each([
    ['a chat message', 'POST', '/api/messages', 200, 'info'],
    ['the tile', 'GET', '/api/tab/tile', 200, 'info'],
    ['a failure of the product', 'GET', '/api/tab/tile', 500, 'error'],
    ['a health probe', 'GET', '/healthz', 200, 'debug'],
    ['a readiness probe', 'GET', '/readyz', 200, 'debug'],
    ['a failed readiness probe', 'GET', '/readyz', 503, 'error'],
    ['the mailbox page refreshing itself', 'GET', '/sandbox/mail', 200, 'debug'],
    ["the development host's mailbox poll", 'GET', '/sandbox/mail.json', 200, 'debug'],
    ['a tab file', 'GET', '/tab/app.js', 200, 'debug'],
    ['a development host file', 'GET', '/dev/', 200, 'debug'],
    ['a call the sandbox answers', 'GET', '/sandbox/afas/ProfitRestServices/connectors/Teams_Tasks', 200, 'debug'],
    ["a wrong activation code (AFAS's 500 from the sandbox)", 'POST', '/sandbox/afas/ProfitRestServices/otpvalidation', 500, 'info'],
    ['a page that does not exist', 'GET', '/nothing', 404, 'info'],
  ])('%s is logged at %s', (_what, method, path, status, level) => {
    expect(requestLogLevel({ method: method as string, path: path as string, status: status as number })).toBe(level);
  });

  it('is one line per request in pretty mode, as "GET /path status (ms)"', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const logger = createPinoLogger('info', 'pretty', out);
    logger.child({ component: 'http' }).info({ requestId: 'r1', method: 'GET', path: '/api/tab/tile', status: 200, ms: 7 }, 'request');
    await new Promise((resolve) => setImmediate(resolve));
    const lines = text.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO.*GET \/api\/tab\/tile 200 \(7 ms\)/);
  });
});
