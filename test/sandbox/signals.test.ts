import { nextSignalDelayMs } from '../../sandbox/signal-feed';
import { parseConfig } from '../../src/config';
import type { AddressInfo } from 'node:net';
import { createServer } from 'restify';
import { FakeClock } from '../fakes/fake-clock';
import { SandboxHarness, authorization } from '../support/sandbox-http';

describe('signal generation', () => {
  let clock: FakeClock;
  let h: SandboxHarness;

  beforeEach(async () => {
    clock = new FakeClock('2026-03-02T08:00:00Z');
    h = await SandboxHarness.start({ clock });
  });
  afterEach(() => h.close());

  test('generateSignals adds one unopened signal, dated now, for every user holding a valid token', async () => {
    const jan = h.sandbox.issueToken('12345.jdevries');
    const emma = h.sandbox.issueToken('12345.ewilliams');
    h.sandbox.issueToken('12345.jdevries'); // a second token does not mean a second signal
    await clock.advance(5 * 60_000);
    expect(h.sandbox.generateSignals()).toBe(2);
    const newest = await h.rows(jan, 'Teams_Signals', 'orderbyfieldids=-signaldate&skip=0&take=1');
    // 08:05 UTC is 09:05 in Amsterdam: AFAS writes the wall clock with a Z.
    expect(newest[0]).toMatchObject({ signaldate: '2026-03-02T09:05:00Z', opened: false, language: 'NL' });
    expect(await h.rows(jan, 'Teams_Signals')).toHaveLength(7);
    expect((await h.rows(emma, 'Teams_Signals', 'orderbyfieldids=-signaldate&skip=0&take=1'))[0]).toMatchObject({ language: 'EN' });
  });

  test('users whose tokens were revoked get no new signals', () => {
    const token = h.sandbox.issueToken('12345.fbakker');
    h.sandbox.revokeToken(token);
    expect(h.sandbox.generateSignals()).toBe(0);
  });

  test('addTask and addSignal merge the given values over a generated row dated now', async () => {
    h.sandbox.addTask('12345.lsmit', { description: 'Nieuwe declaratie <b>bold</b>', subjectid: 4242 });
    h.sandbox.addSignal('lotte.smit@horizon-groep.example', { signaltype: 'Jubileum' });
    const token = h.sandbox.issueToken('12345.lsmit');
    const [task] = await h.rows(token, 'Teams_Tasks');
    expect(task).toMatchObject({ description: 'Nieuwe declaratie <b>bold</b>', subjectid: 4242, submitdate: '2026-03-02T09:00:00Z', opened: false });
    expect(task.guid_task).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    const [signal] = await h.rows(token, 'Teams_Signals');
    expect(signal).toMatchObject({ signaltype: 'Jubileum', signaldate: '2026-03-02T09:00:00Z' });
  });

  test('addTask for an unknown user throws', () => {
    expect(() => h.sandbox.addTask('nobody', {})).toThrow(expect.objectContaining({ code: 'sandbox_unknown_user' }));
  });
});

describe('the signal timer', () => {
  test('by default a new demo signal comes every 15 to 30 minutes, so the chat does not fill up', () => {
    const { signalIntervalMs } = parseConfig({}).sandbox;
    expect(nextSignalDelayMs(signalIntervalMs, () => 0)).toBe(15 * 60_000);
    expect(nextSignalDelayMs(signalIntervalMs, () => 0.999_999)).toBeLessThanOrEqual(30 * 60_000);
    expect(nextSignalDelayMs(signalIntervalMs, () => 0.5)).toBe(22.5 * 60_000);
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('start() adds signals every interval for token holders; stop() ends it', async () => {
    const h = await SandboxHarness.start({ signalIntervalMs: 20 });
    try {
      const token = h.sandbox.issueToken('12345.melamrani');
      const count = async (): Promise<number> => (await h.rows(token, 'Teams_Signals')).length;
      expect(await count()).toBe(4);
      h.sandbox.start();
      h.sandbox.start(); // starting twice does not double the rate
      await sleep(150);
      h.sandbox.stop();
      const after = await count();
      expect(after).toBeGreaterThanOrEqual(4 + 3);
      expect(after).toBeLessThanOrEqual(4 + 8);
      await sleep(60);
      expect(await count()).toBe(after);
    } finally {
      await h.close();
    }
  });

  test('without an interval start() does nothing', async () => {
    const h = await SandboxHarness.start();
    try {
      const token = h.sandbox.issueToken('12345.melamrani');
      h.sandbox.start();
      await sleep(50);
      expect(await h.rows(token, 'Teams_Signals')).toHaveLength(4);
    } finally {
      await h.close();
    }
  });

  test('close() stops the timer too', async () => {
    const h = await SandboxHarness.start({ signalIntervalMs: 10 });
    const token = h.sandbox.issueToken('12345.melamrani');
    h.sandbox.start();
    await sleep(35);
    await h.close();
    // Reading needs a server: mount the closed sandbox's routes on a fresh one.
    const host = createServer({ name: 'reader' });
    h.sandbox.registerRoutes(host, '/ProfitRestServices');
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', () => resolve()));
    try {
      const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/ProfitRestServices/connectors/Teams_Signals?skip=-1&take=-1`;
      const read = async (): Promise<number> => ((await (await fetch(url, { headers: { Authorization: authorization(token) } })).json()) as { rows: unknown[] }).rows.length;
      const atClose = await read();
      await sleep(60);
      expect(await read()).toBe(atClose);
    } finally {
      await new Promise<void>((resolve) => {
        host.close(() => resolve());
        host.server.closeAllConnections();
      });
    }
  });
});
