import { AfasEnvironmentError, insiteUrlFor, isLoopbackHost, resolveAfasEnvironment } from '../../src/domain/afas-environment';

describe('resolving what an admin types into an AFAS base URL', () => {
  it.each([
    ['O12345AA', 'https://12345.rest.afas.online/ProfitRestServices', 'production'],
    ['t12345ab', 'https://12345.resttest.afas.online/ProfitRestServices', 'test'],
    ['A99999ZZ', 'https://99999.restaccept.afas.online/ProfitRestServices', 'acceptance'],
    ['12345', 'https://12345.rest.afas.online/ProfitRestServices', 'production'],
  ])('%s becomes %s', (input, baseUrl, type) => {
    expect(resolveAfasEnvironment(input)).toEqual({ baseUrl, participant: input.slice(input.length === 5 ? 0 : 1, input.length === 5 ? 5 : 6), type });
  });

  it('uses the given type for a bare participant number', () => {
    expect(resolveAfasEnvironment('12345', 'test').baseUrl).toBe('https://12345.resttest.afas.online/ProfitRestServices');
  });

  it('keeps a configured legacy afasonlineconnector URL as it is, without a trailing slash', () => {
    expect(resolveAfasEnvironment('https://12345.afasonlineconnector.nl/profitrestservices/').baseUrl).toBe('https://12345.afasonlineconnector.nl/profitrestservices');
  });

  it('recognises the participant in a full AFAS Online URL', () => {
    expect(resolveAfasEnvironment('https://12345.resttest.afas.online/ProfitRestServices')).toMatchObject({ participant: '12345', type: 'test' });
  });

  it.each([
    ['O1234AA', /environment name/],
    ['09999', /outside 10000-99999/],
    ['ftp://12345.rest.afas.online', /environment name/],
    ['http://12345.rest.afas.online/ProfitRestServices', /https/],
    ['https://user:pw@12345.rest.afas.online/ProfitRestServices', /user name or password/],
    ['https://12345.rest.afas.online/ProfitRestServices?x=1', /query string/],
  ])('refuses %s with a clear reason', (input, reason) => {
    expect(() => resolveAfasEnvironment(input)).toThrow(AfasEnvironmentError);
    expect(() => resolveAfasEnvironment(input)).toThrow(reason);
  });

  it('treats only loopback hosts as loopback', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['10.0.0.1', 'example.com', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });

  it('builds the InSite URL from the participant number', () => {
    expect(insiteUrlFor('12345')).toBe('https://12345.afasinsite.nl');
  });
});
