import { classifySendError, retryAfterMs } from '../../bot/proactive/send-error';

const NOW = new Date('2026-03-02T08:00:00Z');

function restError(statusCode: number, code?: string, retryAfter?: string) {
  return { name: 'RestError', statusCode, code, message: 'refused', response: { headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) } } };
}

describe("classifying the Bot Connector's answers", () => {
  it.each([
    [restError(429, 'Throttled', '3'), { outcome: 'throttled', retryAfterMs: 3000 }],
    [restError(429), { outcome: 'throttled', retryAfterMs: null }],
    [restError(412), { outcome: 'transient', status: 412, code: 'teams_412' }],
    [restError(502), { outcome: 'transient', status: 502, code: 'teams_502' }],
    [restError(503), { outcome: 'transient', status: 503, code: 'teams_503' }],
    [restError(504), { outcome: 'transient', status: 504, code: 'teams_504' }],
    [restError(403, 'ConversationBlockedByUser'), { outcome: 'blocked', code: 'teams_403_ConversationBlockedByUser' }],
    [restError(403, 'BotDisabledByAdmin'), { outcome: 'blocked', code: 'teams_403_BotDisabledByAdmin' }],
    [restError(404, 'ConversationNotFound'), { outcome: 'gone', code: 'teams_404_ConversationNotFound' }],
    [restError(413, 'MessageSizeTooBig'), { outcome: 'tooLarge', code: 'teams_413_MessageSizeTooBig' }],
    [restError(500, 'ServiceError'), { outcome: 'failed', status: 500, code: 'teams_500_ServiceError' }],
    [restError(400, 'BadArgument'), { outcome: 'failed', status: 400, code: 'teams_400_BadArgument' }],
  ])('%#: %o', (error, expected) => {
    expect(classifySendError(error, NOW)).toEqual(expected);
  });

  it('retries when the request never left, and calls it unknown when it left without an answer', () => {
    expect(classifySendError({ code: 'REQUEST_SEND_ERROR', message: 'connect ECONNREFUSED 127.0.0.1:1' }, NOW)).toEqual({ outcome: 'transient', status: null, code: 'teams_unreachable' });
    expect(classifySendError({ code: 'REQUEST_SEND_ERROR', message: 'socket hang up' }, NOW)).toEqual({ outcome: 'unknown', code: 'teams_no_answer' });
  });

  it('reads Retry-After as seconds or as a date, and bounds it', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 08:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMs('999999', NOW)).toBe(15 * 60_000);
    expect(retryAfterMs('soon', NOW)).toBeNull();
  });
});
