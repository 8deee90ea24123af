import { DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { startDemoApp } from '../support/demo-app';

describe('the product as npm start runs it', () => {
  it('in demo mode serves health, readiness, the sandbox mailbox and the embedded AFAS', async () => {
    const demo = await startDemoApp();
    try {
      const origin = demo.app.origin;
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${origin}/readyz`)).json()).toEqual({ status: 'ready' });
      const page = await fetch(`${origin}/sandbox/mail`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await (await fetch(`${origin}/sandbox/mail.json`)).json()).toEqual([]);
      const otp = await fetch(`${origin}/sandbox/afas/ProfitRestServices/otprequest`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ apiKey: DEMO_API_KEY, apiToken: DEMO_ENVIRONMENT_KEY, userId: 'someone@example.com' }),
      });
      expect(otp.status).toBeLessThan(300);
      const mails = (await (await fetch(`${origin}/sandbox/mail.json`)).json()) as { to: string }[];
      expect(mails.map((m) => m.to)).toEqual(['someone@example.com']);
      expect((await fetch(`${origin}/sandbox/afas/ProfitRestServices/ProfitVersion`)).status).toBe(401);
    } finally {
      await demo.stop();
    }
  });

  it('in demo mode answers GET / with a start page that links what npm start prints', async () => {
    const demo = await startDemoApp();
    try {
      const res = await fetch(`${demo.app.origin}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const html = await res.text();
      for (const link of ['href="/dev/"', 'href="/sandbox/mail"', 'href="/healthz"']) expect(html).toContain(link);
      expect(html).toContain('the Agents Playground is not running');
    } finally {
      await demo.stop();
    }
  });

  it('outside demo mode does not expose the sandbox at all', async () => {
    const demo = await startDemoApp({
      DEMO: 'false',
      AFAS_ENVIRONMENT: 'O12345AA',
      AFAS_API_KEY: '0123456789abcdef0123456789abcdef',
      AFAS_ENVIRONMENT_KEY: 'fedcba9876543210fedcba9876543210',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    try {
      expect(demo.app.sandbox).toBeNull();
      expect((await fetch(`${demo.app.origin}/sandbox/mail`)).status).toBe(404);
      expect((await fetch(`${demo.app.origin}/sandbox/afas/ProfitRestServices/ProfitVersion`)).status).toBe(404);
      expect((await fetch(`${demo.app.origin}/`)).status).toBe(404);
      const connection = await demo.app.storage.connections.get('default');
      expect(connection?.baseUrl).toBe('https://12345.rest.afas.online/ProfitRestServices');
      expect(await demo.app.storage.connections.getSecrets('default')).toEqual({ apiKey: '0123456789abcdef0123456789abcdef', environmentKey: 'fedcba9876543210fedcba9876543210' });
    } finally {
      await demo.stop();
    }
  });

  it('keeps the demo encryption key in the data directory, readable by its owner only', async () => {
    const demo = await startDemoApp();
    try {
      const { statSync } = await import('node:fs');
      const { join } = await import('node:path');
      expect(statSync(join(demo.dataDir, 'encryption.key')).mode & 0o777).toBe(0o600);
    } finally {
      await demo.stop();
    }
  });
});

describe('the sandbox InSite stand-in', () => {
  it('answers the links the demo connection builds, showing the item id as text', async () => {
    const demo = await startDemoApp();
    try {
      const res = await fetch(`${demo.app.origin}/sandbox/insite/taak?id=%3Cb%3Ex%3C/b%3E`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
      expect(html).not.toContain('<b>x</b>');
      expect((await fetch(`${demo.app.origin}/sandbox/insite`)).status).toBe(200);
    } finally {
      await demo.stop();
    }
  });
});

describe('/metrics on the running product', () => {
  it('serves Prometheus text with the product series, counting the requests it served', async () => {
    const demo = await startDemoApp();
    try {
      await fetch(`${demo.app.origin}/healthz`);
      const res = await fetch(`${demo.app.origin}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toMatch(/afas_teams_http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*\} 1/);
    } finally {
      await demo.stop();
    }
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const demo = await startDemoApp({ METRICS_TOKEN: 'scrape-token-0123456789' });
    try {
      expect((await fetch(`${demo.app.origin}/metrics`)).status).toBe(401);
      expect((await fetch(`${demo.app.origin}/metrics`, { headers: { Authorization: 'Bearer scrape-token-0123456789' } })).status).toBe(200);
    } finally {
      await demo.stop();
    }
  });
});
