import { authorizationHeader } from '../../src/afas/auth-header';
import { isAfasError } from '../../src/domain/afas-error';

const TOKEN = '<token><version>1</version><data>' + 'AB'.repeat(32) + '</data></token>';

describe('authorizationHeader', () => {
  it('sends a classic token as `AfasToken ` + base64 of the whole XML string', () => {
    const header = authorizationHeader({ kind: 'afasToken', token: TOKEN });
    expect(header.value).toBe(`AfasToken ${Buffer.from(TOKEN).toString('base64')}`);
    expect(Buffer.from(header.value.slice('AfasToken '.length), 'base64').toString()).toBe(TOKEN);
  });

  it('lists the raw and the encoded token as secrets to keep out of errors', () => {
    const header = authorizationHeader({ kind: 'afasToken', token: TOKEN });
    expect(header.secrets).toEqual([TOKEN, Buffer.from(TOKEN).toString('base64')]);
  });

  it('sends an OAuth access token as Bearer', () => {
    expect(authorizationHeader({ kind: 'bearer', accessToken: 'eyJhbGciOi.x.y' })).toEqual({ value: 'Bearer eyJhbGciOi.x.y', secrets: ['eyJhbGciOi.x.y'] });
  });

  it('fails with afas_unauthorized before sending when there is no token', () => {
    let error: unknown;
    try {
      authorizationHeader({ kind: 'afasToken', token: '  ' });
    } catch (e) {
      error = e;
    }
    expect(isAfasError(error, 'afas_unauthorized')).toBe(true);
  });
});
