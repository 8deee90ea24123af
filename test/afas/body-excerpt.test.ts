import { bodyExcerpt, EXCERPT_MAX_CHARS, scrubSecrets } from '../../src/afas/body-excerpt';

describe('scrubSecrets', () => {
  it('replaces known secrets literally, longest first', () => {
    expect(scrubSecrets('key=supersecret-value; again supersecret-value', ['supersecret-value', 'supersecret'])).toBe('key=[redacted]; again [redacted]');
  });

  it('replaces anything shaped like a key, token, base64 credential or activation code', () => {
    const text = [
      'apiKey 0123456789abcdef0123456789abcdef',
      '<token><version>1</version><data>FF</data></token>',
      'AfasToken PHRva2VuPjx2ZXJzaW9uPjE8L3ZlcnNpb24+PGRhdGE+QUJDREVG',
      'code 12345678',
    ].join(' | ');
    const scrubbed = scrubSecrets(text);
    expect(scrubbed).not.toMatch(/0123456789abcdef|<data>|PHRva2Vu|12345678/);
  });

  it('keeps ordinary sentences readable', () => {
    expect(scrubSecrets('Service Unavailable: maintenance until 14:00')).toBe('Service Unavailable: maintenance until 14:00');
  });
});

describe('bodyExcerpt', () => {
  it(`is one line of at most ${EXCERPT_MAX_CHARS} characters without control characters`, () => {
    const excerpt = bodyExcerpt(`line one\r\n\tline two\u0000\u001b[31m ${'word '.repeat(60)}`);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(excerpt.startsWith('line one line two [31m')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});
