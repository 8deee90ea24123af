import { nextRequestAllowedAt, normaliseActivationCode, normaliseAfasUserId, recordRequest } from '../../src/domain/activation-rules';

const T0 = Date.parse('2026-03-02T08:00:00Z');

describe('activation code requests', () => {
  it('allows the first request at once', () => {
    expect(nextRequestAllowedAt(null, T0)).toBeNull();
  });

  it('allows a resend only a minute after the previous request', () => {
    const attempt = recordRequest(null, 'default', 'a@b.nl', T0);
    expect(nextRequestAllowedAt(attempt, T0 + 30_000)?.toISOString()).toBe('2026-03-02T08:01:00.000Z');
    expect(nextRequestAllowedAt(attempt, T0 + 60_000)).toBeNull();
  });

  it('allows five requests an hour and names when the sixth is allowed', () => {
    let attempt = recordRequest(null, 'default', 'a@b.nl', T0);
    for (let i = 1; i < 5; i++) attempt = recordRequest(attempt, 'default', 'a@b.nl', T0 + i * 120_000);
    expect(nextRequestAllowedAt(attempt, T0 + 10 * 60_000)?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(nextRequestAllowedAt(attempt, T0 + 60 * 60_000)).toBeNull();
  });

  it('starts the wrong-code count afresh with each new code', () => {
    const attempt = { ...recordRequest(null, 'default', 'a@b.nl', T0), wrongCodes: 2 };
    expect(recordRequest(attempt, 'default', 'a@b.nl', T0 + 60_000).wrongCodes).toBe(0);
  });
});

describe('what counts as a code and a user id', () => {
  it('trims spaces and dashes from a code and insists on digits', () => {
    expect(normaliseActivationCode(' 1234 5678 ')).toBe('12345678');
    expect(normaliseActivationCode('1234-5678')).toBe('12345678');
    expect(normaliseActivationCode('12ab5678')).toBeNull();
    expect(normaliseActivationCode('123')).toBeNull();
  });

  it('accepts e-mail addresses and user codes, not markup or spaces', () => {
    expect(normaliseAfasUserId(' j.devries@contoso.nl ')).toBe('j.devries@contoso.nl');
    expect(normaliseAfasUserId('12345.jdoe')).toBe('12345.jdoe');
    expect(normaliseAfasUserId('<script>')).toBeNull();
    expect(normaliseAfasUserId('two words')).toBeNull();
  });
});
