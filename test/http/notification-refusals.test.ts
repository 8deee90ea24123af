import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { FakeClock } from '../fakes/fake-clock';
import { visibleText } from '../support/card-inspection';
import { startDemoApp } from '../support/demo-app';

const JAN = 'jan.devries@horizon-groep.example';
const TENANT = 'tenant-refusals';

/**
 * Teams refusing proactive sends, against the product as main.ts composes it (the same adapter,
 * turn error handler and notifier), with a fake Bot Connector on a socket as Teams.
 */
describe('when Teams refuses a send', () => {
  let connector: FakeBotConnector;
  let clock: FakeClock;
  let demo: Awaited<ReturnType<typeof startDemoApp>>;
  let serviceUrl: string;

  beforeEach(async () => {
    clock = new FakeClock(new Date());
    connector = new FakeBotConnector({ now: () => clock.now().getTime() });
    serviceUrl = await connector.start();
    demo = await startDemoApp({ POLL_INTERVAL_MINUTES: '1' }, { clock });
  });

  afterEach(async () => {
    await demo.stop();
    await connector.close();
  });

  async function say(aad: string, conversationId: string, text: string, id: string): Promise<void> {
    const res = await fetch(`${demo.app.origin}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id, text, channelId: 'msteams', serviceUrl, locale: 'en-US',
        from: { id: `29:${aad}`, aadObjectId: aad }, recipient: { id: '28:bot' },
        conversation: { id: conversationId, tenantId: TENANT, conversationType: 'personal' }, channelData: { tenant: { id: TENANT } },
      }),
    });
    expect(res.status).toBe(200);
  }

  /** Jan has written to the bot (reference stored) and is activated; nothing sent since. */
  async function janActivated(aad: string, conversationId: string): Promise<void> {
    const before = connector.received.length;
    await say(aad, conversationId, 'help', `${aad}-help`);
    await connector.waitFor(before + 1);
    await demo.app.storage.activations.save({ user: { tenantId: TENANT, aadObjectId: aad }, connectionId: 'default', afasUserId: JAN, activatedAt: clock.now() }, demo.app.sandbox!.issueToken(JAN));
  }

  const requestsTo = (conversationId: string, from = 0) => connector.requests.slice(from).filter((r) => r.conversationId === conversationId);
  const receivedIn = (conversationId: string, from = 0) => connector.received.slice(from).filter((r) => r.conversationId === conversationId);

  it('sends the card again after Retry-After when Teams answers 429, exactly once and never with an apology', async () => {
    const chat = 'a:jan-429';
    await janActivated('aad-jan-429', chat);
    const requestsBefore = connector.requests.length;
    const receivedBefore = connector.received.length;
    connector.answerNext({ status: 429, retryAfterSeconds: 2, code: 'Throttled' }, { status: 429, retryAfterSeconds: 2, code: 'Throttled' });
    for (let i = 0; i < 150 && receivedIn(chat, receivedBefore).length === 0; i++) await settle(clock, 1000);
    // The first three requests of the chat; the card arriving only once is asserted on what arrived, below.
    const requests = requestsTo(chat, requestsBefore).slice(0, 3);
    expect(requests.map((r) => r.status)).toEqual([429, 429, 201]);
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(2000);
    expect(requests[2].at - requests[1].at).toBeGreaterThanOrEqual(2000);
    for (let i = 0; i < 10; i++) await settle(clock, 10_000);
    const texts = receivedIn(chat, receivedBefore).map(textOf);
    expect(texts).toEqual([expect.stringMatching(/Notifications are on/)]);
    expect(texts.join('\n')).not.toMatch(/Sorry/);
  }, 90_000);

  it('stops at the first 403: later signals are not sent, the user is not polled, no apology follows', async () => {
    const chat = 'a:jan-403';
    await janActivated('aad-jan-403', chat);
    const requestsBefore = connector.requests.length;
    connector.answerNext({ status: 403, code: 'ConversationBlockedByUser' });
    for (let i = 0; i < 150 && requestsTo(chat, requestsBefore).length === 0; i++) await settle(clock, 1000);
    await settle(clock, 1000);
    expect(requestsTo(chat, requestsBefore).map((r) => r.status)).toEqual([403]);
    const sandbox = demo.app.sandbox!;
    sandbox.stats.reset();
    sandbox.addSignal(JAN, { description: 'Na de blokkade' });
    for (let i = 0; i < 12; i++) await settle(clock, 10_000);
    expect(requestsTo(chat, requestsBefore)).toHaveLength(1);
    expect(sandbox.stats.requests.filter((r) => /connectors/i.test(r.path))).toEqual([]);
    expect(demo.logger.lines.some((l) => l.message === 'could not apologise to the user')).toBe(false);
  }, 90_000);

  it('sends no apology into a conversation whose reply Teams throttled', async () => {
    const chat = 'a:jan-reply-429';
    await janActivated('aad-jan-reply', chat);
    const requestsBefore = connector.requests.length;
    // More 429s than the client retries: the reply is refused for good.
    connector.answerNext(...Array.from({ length: 6 }, () => ({ status: 429, retryAfterSeconds: 0, code: 'Throttled' })));
    await say('aad-jan-reply', chat, 'my tasks', 'reply-429');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const requests = requestsTo(chat, requestsBefore);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.status === 429)).toBe(true);
    expect(receivedIn(chat).map(textOf).join('\n')).not.toMatch(/Sorry/);
    expect(demo.logger.lines.some((l) => l.message === 'bot turn failed')).toBe(false);
  }, 60_000);

  it('polls a new activation within seconds, not at the next sweep', async () => {
    const chat = 'a:jan-new';
    await say('aad-jan-new', chat, 'activate', 'act-1');
    await connector.waitFor(1);
    const idCard = connector.received.length;
    await say('aad-jan-new', chat, JAN, 'act-2');
    await connector.waitFor(idCard + 1);
    const mail = (await (await fetch(`${demo.app.origin}/sandbox/mail.json`)).json()) as { messages: { to: string; code: string }[] } | { to: string; code: string }[];
    const messages = Array.isArray(mail) ? mail : mail.messages;
    const code = messages.find((m) => m.to === JAN || JSON.stringify(m).includes(JAN))!.code;
    const beforeCode = connector.received.length;
    await say('aad-jan-new', chat, code, 'act-3');
    await connector.waitFor(beforeCode + 1);
    expect(receivedIn(chat, beforeCode).map(textOf).join('\n')).not.toMatch(/Notifications are on/);
    const activatedAt = clock.now().getTime();
    for (let i = 0; i < 10 && !receivedIn(chat, beforeCode).some((r) => /Notifications are on/.test(textOf(r))); i++) await settle(clock, 1000);
    expect(receivedIn(chat, beforeCode).map(textOf).join('\n')).toMatch(/Notifications are on/);
    expect(clock.now().getTime() - activatedAt).toBeLessThanOrEqual(10_000);
  }, 60_000);
});

function textOf(received: { activity: Record<string, unknown> }): string {
  const attachments = (received.activity.attachments ?? []) as { content: unknown }[];
  return [String(received.activity.text ?? ''), ...attachments.map((a) => visibleText(a.content))].join('\n');
}

/** Moves the fake clock and lets real I/O (AFAS over HTTP, the connector) finish. */
async function settle(clock: FakeClock, ms: number): Promise<void> {
  await clock.advance(ms);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
