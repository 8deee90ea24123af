import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { FakeClock } from '../fakes/fake-clock';
import { visibleText } from '../support/card-inspection';
import { startDemoApp } from '../support/demo-app';

const JAN = 'jan.devries@horizon-groep.example';
const TENANT = 'tenant-notify';
const USER = { tenantId: TENANT, aadObjectId: 'aad-jan-notify' };

/**
 * The product as npm start composes it (sandbox, storage, bot, notification engine), with the
 * clock under the test's control and a fake Bot Connector as Teams: a new sandbox signal reaches
 * the user's chat within one poll interval, once.
 */
describe('notifications in the running product', () => {
  it('announces what is open once, then pushes a new signal exactly once within one poll interval', async () => {
    const connector = new FakeBotConnector();
    const serviceUrl = await connector.start();
    const clock = new FakeClock(new Date());
    const demo = await startDemoApp({ POLL_INTERVAL_MINUTES: '1' }, { clock });
    try {
      const res = await fetch(`${demo.app.origin}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message', id: 'n-1', text: 'help', channelId: 'msteams', serviceUrl, locale: 'en-US',
          from: { id: '29:jan', aadObjectId: USER.aadObjectId }, recipient: { id: '28:bot' },
          conversation: { id: 'a:jan-notify', tenantId: TENANT, conversationType: 'personal' }, channelData: { tenant: { id: TENANT } },
        }),
      });
      expect(res.status).toBe(200);
      await connector.waitFor(1);
      const sandbox = demo.app.sandbox!;
      await demo.app.storage.activations.save({ user: USER, connectionId: 'default', afasUserId: JAN, activatedAt: clock.now() }, sandbox.issueToken(JAN));

      const before = connector.received.length;
      for (let i = 0; i < 12 && connector.received.length === before; i++) await settle(clock, 10_000);
      const baseline = connector.received.slice(before).map(cardTextOf);
      expect(baseline).toEqual([expect.stringMatching(/6 open signals|6 signals/)]);

      sandbox.addSignal(JAN, { description: 'Jubileum: Sanne Jansen 25 jaar in dienst' });
      const afterBaseline = connector.received.length;
      for (let i = 0; i < 8; i++) await settle(clock, 10_000);
      const pushed = connector.received.slice(afterBaseline);
      expect(pushed.map(cardTextOf)).toEqual([expect.stringContaining('Jubileum: Sanne Jansen 25 jaar in dienst')]);
      expect((pushed[0].activity.channelData as { notification?: { alert?: boolean } }).notification?.alert).toBe(true);

      for (let i = 0; i < 8; i++) await settle(clock, 10_000);
      expect(connector.received.length).toBe(afterBaseline + 1);
    } finally {
      await demo.stop();
      await connector.close();
    }
  }, 60_000);
});

describe('notifications and the access list', () => {
  it('never polls AFAS for a user the access list leaves out', async () => {
    const connector = new FakeBotConnector();
    const serviceUrl = await connector.start();
    const clock = new FakeClock(new Date());
    const demo = await startDemoApp({ POLL_INTERVAL_MINUTES: '1' }, { clock });
    try {
      await fetch(`${demo.app.origin}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message', id: 'd-1', text: 'help', channelId: 'msteams', serviceUrl, locale: 'en-US',
          from: { id: '29:jan', aadObjectId: USER.aadObjectId }, recipient: { id: '28:bot' },
          conversation: { id: 'a:jan-denied', tenantId: TENANT, conversationType: 'personal' }, channelData: { tenant: { id: TENANT } },
        }),
      });
      await connector.waitFor(1);
      const sandbox = demo.app.sandbox!;
      await demo.app.storage.accessRules.save({ tenantId: TENANT, connectionId: 'default', mode: 'listed', entries: [], updatedBy: 'test', updatedAt: clock.now() });
      await demo.app.storage.activations.save({ user: USER, connectionId: 'default', afasUserId: JAN, activatedAt: clock.now() }, sandbox.issueToken(JAN));
      sandbox.stats.reset();
      const sent = connector.received.length;
      for (let i = 0; i < 14; i++) await settle(clock, 10_000);
      expect(sandbox.stats.requests.filter((r) => /connectors/i.test(r.path))).toEqual([]);
      expect(connector.received.length).toBe(sent);
    } finally {
      await demo.stop();
      await connector.close();
    }
  }, 60_000);
});

function cardTextOf(received: { activity: Record<string, unknown> }): string {
  const attachments = (received.activity.attachments ?? []) as { content: unknown }[];
  return attachments.map((a) => visibleText(a.content)).join('\n');
}

/** Moves the fake clock and lets real I/O (AFAS over HTTP, the connector) finish. */
async function settle(clock: FakeClock, ms: number): Promise<void> {
  await clock.advance(ms);
  await new Promise((resolve) => setTimeout(resolve, 150));
}
