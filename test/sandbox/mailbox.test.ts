import { renderMailboxPage } from '../../sandbox/mailbox-page';
import { FakeClock } from '../fakes/fake-clock';
import { KEYS, SandboxHarness } from '../support/sandbox-http';

describe('the demo mailbox', () => {
  let clock: FakeClock;
  let h: SandboxHarness;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-02T08:00:00Z');
    h = await SandboxHarness.start({ clock });
  });
  afterEach(() => h.close());

  test('/sandbox/mail.json lists every mail newest first with to, subject, body, code and ISO sentAt', async () => {
    await h.post('/otprequest', { ...KEYS, userId: '12345.jdevries' });
    await clock.advance(60_000);
    await h.post('/otprequest', { ...KEYS, userId: '12345.fbakker' });
    const res = await fetch(`${h.origin}/sandbox/mail.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const mails = (await res.json()) as Record<string, string>[];
    expect(mails.map((m) => m.to)).toEqual(['fleur.bakker@horizon-groep.example', 'jan.devries@horizon-groep.example']);
    expect(Object.keys(mails[0]).sort()).toEqual(['body', 'code', 'sentAt', 'subject', 'to']);
    expect(mails[0].sentAt).toBe('2026-03-02T08:01:00.000Z');
    expect(mails[1].sentAt).toBe('2026-03-02T08:00:00.000Z');
  });

  test('/sandbox/mail shows the mail as an HTML page, newest first, with text escaped', async () => {
    await h.post('/otprequest', { ...KEYS, userId: '12345.jdevries' });
    await h.post('/otprequest', { ...KEYS, userId: '12345.sjansen' });
    const res = await fetch(`${h.origin}/sandbox/mail`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html.indexOf('sanne.jansen@')).toBeLessThan(html.indexOf('jan.devries@'));
    expect(html).toContain(h.sandbox.mailbox.latestCodeFor('12345.sjansen'));
    // Amsterdam time (UTC+1 in March), like the rest of the product, not the raw UTC instant.
    expect(html).toContain('<time datetime="2026-03-02T08:00:00.000Z">2 mrt 2026 09:00</time>');
    // The body quotes the app name: quotes must arrive escaped.
    expect(html).toContain('&quot;AFAS for Teams&quot;');
  });

  test('the page escapes hostile text in every field', () => {
    const html = renderMailboxPage([
      { to: '<img src=x onerror=alert(1)>@x.nl', subject: '<script>alert(1)</script>', body: 'a & b "c" \'d\'', code: '<b>1</b>', sentAt: '"><script>' },
    ]);
    expect(html).not.toMatch(/<script>|<img|<b>1/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &quot;c&quot; &#39;d&#39;');
  });

  test('latestCodeFor finds the newest code by e-mail address or user code; clear() empties the box', async () => {
    expect(h.sandbox.mailbox.latestCodeFor('12345.jdevries')).toBeNull();
    await h.post('/otprequest', { ...KEYS, userId: 'JAN.DEVRIES@horizon-groep.example' });
    const code = h.sandbox.mailbox.latestCodeFor('jan.devries@horizon-groep.example');
    expect(code).toMatch(/^\d{8}$/);
    expect(h.sandbox.mailbox.latestCodeFor('12345.jdevries')).toBe(code);
    expect(h.sandbox.mailbox.latestCodeFor('nobody@x.nl')).toBeNull();
    h.sandbox.mailbox.clear();
    expect(h.sandbox.mailbox.messages()).toEqual([]);
    expect(await (await fetch(`${h.origin}/sandbox/mail.json`)).json()).toEqual([]);
  });

  test('mailbox requests are not part of the AFAS request log', async () => {
    await fetch(`${h.origin}/sandbox/mail.json`);
    expect(h.sandbox.stats.requests).toEqual([]);
  });
});
