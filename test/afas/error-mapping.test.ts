import { AfasTransportFailure, badResponse, errorForOutcome, parseRetryAfter, type FailureContext } from '../../src/afas/error-mapping';
import { AfasError } from '../../src/domain/afas-error';

const SECRET = 'ABCDEF0123456789ABCDEF0123456789';
const ctx: FailureContext = { endpoint: 'connectors/Teams_Tasks', timeoutMs: 5000, secrets: [SECRET], now: new Date('2026-03-02T08:00:00Z') };

function forStatus(status: number, body = '', retryAfter?: string): AfasError {
  return errorForOutcome({ kind: 'response', status, body, retryAfter }, ctx);
}

describe('errorForOutcome', () => {
  it.each([
    [400, 'afas_bad_request'],
    [401, 'afas_unauthorized'],
    [403, 'afas_forbidden'],
    [404, 'afas_not_found'],
    [413, 'afas_payload_too_large'],
    [500, 'afas_functional_error'],
    [503, 'afas_unavailable'],
    [418, 'afas_bad_request'],
    [502, 'afas_unavailable'],
    [501, 'afas_functional_error'],
    [302, 'afas_bad_response'],
  ])('maps HTTP %i to %s and keeps the status and endpoint', (status, code) => {
    const error = forStatus(status);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.details.endpoint).toBe('connectors/Teams_Tasks');
  });

  it('words a 401 as a plain sentence for operators', () => {
    expect(forStatus(401).message).toMatch(/^AFAS answered 401 for connectors\/Teams_Tasks: the token is invalid or revoked/);
  });

  it('carries externalMessage and profitLogReference from a 500 body', () => {
    const error = forStatus(500, JSON.stringify({ externalMessage: 'Connector field \'x\' not found', errorNumber: -1, profitLogReference: 'ABC-123' }));
    expect(error.externalMessage).toBe("Connector field 'x' not found");
    expect(error.profitLogReference).toBe('ABC-123');
    expect(error.message).toBe("AFAS answered 500 for connectors/Teams_Tasks: Connector field 'x' not found (profitLogReference ABC-123)");
  });

  it('keeps a 500 without the usual body a functional error, with a short excerpt instead', () => {
    const error = forStatus(500, '<html><body>Internal Server Error</body></html>');
    expect(error.code).toBe('afas_functional_error');
    expect(error.externalMessage).toBeUndefined();
    expect(error.details.excerpt).toContain('Internal Server Error');
  });

  it('removes a known secret that AFAS echoes in its message', () => {
    const error = forStatus(500, JSON.stringify({ externalMessage: `Key ${SECRET} is blocked` }));
    expect(error.message).not.toContain(SECRET);
    expect(error.externalMessage).toBe('Key [redacted] is blocked');
  });

  it('reads Retry-After from the header of a 503', () => {
    const error = forStatus(503, '', '7200');
    expect(error.retryAfterSeconds).toBe(7200);
    expect(error.message).toMatch(/retry after 7200 seconds/);
  });

  it('falls back to retry_after in the body of a 503', () => {
    expect(forStatus(503, JSON.stringify({ retry_after: 30 })).retryAfterSeconds).toBe(30);
    expect(forStatus(503, JSON.stringify({ retry_after: '45' })).retryAfterSeconds).toBe(45);
  });

  it('leaves retryAfterSeconds out of a 503 that names no wait', () => {
    expect(forStatus(503, 'down').retryAfterSeconds).toBeUndefined();
  });

  it('maps a timeout to afas_timeout naming the deadline', () => {
    const error = errorForOutcome({ kind: 'timeout' }, ctx);
    expect(error.code).toBe('afas_timeout');
    expect(error.message).toBe('AFAS did not answer connectors/Teams_Tasks within 5000 ms');
  });

  it('maps a network failure to afas_network with a sanitised cause, never the library error', () => {
    const error = errorForOutcome({ kind: 'network', code: 'ECONNRESET', message: `socket hang up ${SECRET}` }, ctx);
    expect(error.code).toBe('afas_network');
    expect(error.message).toContain('ECONNRESET');
    expect(error.cause).toBeInstanceOf(AfasTransportFailure);
    expect((error.cause as AfasTransportFailure).code).toBe('ECONNRESET');
    expect((error.cause as Error).message).not.toContain(SECRET);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-02T08:00:00Z');

  it('reads whole seconds', () => {
    expect(parseRetryAfter(' 120 ', undefined, now)).toBe(120);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:01:30 GMT', undefined, now)).toBe(90);
    expect(parseRetryAfter('Mon, 02 Mar 2026 07:00:00 GMT', undefined, now)).toBe(0);
  });

  it('ignores a header it cannot read and uses the body', () => {
    expect(parseRetryAfter('soon', { retry_after: 5 }, now)).toBe(5);
    expect(parseRetryAfter(undefined, { retry_after: -5 }, now)).toBeUndefined();
  });
});

describe('badResponse', () => {
  it('names an HTML page as such and keeps a short single-line excerpt', () => {
    const error = badResponse('metainfo', 'a body that is not JSON', `<!DOCTYPE html>\n<html>\u0007${'x'.repeat(500)}</html>`, [], 200);
    expect(error.code).toBe('afas_bad_response');
    expect(error.message).toMatch(/HTML page/);
    const excerpt = String(error.details.excerpt);
    expect(excerpt.length).toBeLessThanOrEqual(120);
    // eslint-disable-next-line no-control-regex -- asserting control characters are gone
    expect(excerpt).not.toMatch(/[\u0000-\u001f]/);
  });

  it('never puts a token into the excerpt, even a truncated one', () => {
    const body = '{"token": "<token><version>1</version><data>' + 'A1'.repeat(32);
    const error = badResponse('otpvalidation', 'a body that is not JSON', body, []);
    expect(String(error.details.excerpt)).not.toContain('A1A1');
    expect(String(error.details.excerpt)).toContain('[redacted]');
  });
});
