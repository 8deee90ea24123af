import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { expectValidCard } from '../support/adaptive-card-validator';
import { visibleText, actions } from '../support/card-inspection';
import { startDemoApp } from '../support/demo-app';

const PIETER = 'pieter.visser@horizon-groep.example';
const TENANT = 'tenant-http';

describe('POST /api/messages with Teams-shaped activities', () => {
  let connector: FakeBotConnector;
  let serviceUrl: string;
  let demo: Awaited<ReturnType<typeof startDemoApp>>;
  let n = 0;

  beforeEach(async () => {
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
    demo = await startDemoApp();
  });
  afterEach(async () => {
    await demo.stop();
    await connector.close();
  });

  function activity(extra: Record<string, unknown>) {
    n += 1;
    return {
      id: `http-${n}`,
      channelId: 'msteams',
      serviceUrl,
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      from: { id: '29:pieter', name: 'Pieter Visser', aadObjectId: 'aad-pieter' },
      recipient: { id: '28:bot', name: 'AFAS for Teams' },
      conversation: { id: 'a:pieter-chat', tenantId: TENANT, conversationType: 'personal' },
      channelData: { tenant: { id: TENANT } },
      ...extra,
    };
  }

  async function post(body: unknown): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${demo.app.origin}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
  }

  async function say(text: string): Promise<unknown[]> {
    const before = connector.received.length;
    const { status } = await post(activity({ type: 'message', text }));
    expect(status).toBe(200);
    const received = await connector.waitFor(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return received.slice(before).map((r) => ((r.activity.attachments as { content: unknown }[] | undefined) ?? [])[0]?.content);
  }

  async function latestCode(): Promise<string> {
    const mails = (await (await fetch(`${demo.app.origin}/sandbox/mail.json`)).json()) as { to: string; code: string }[];
    const mail = mails.find((m) => m.to === PIETER);
    if (!mail) throw new Error('no activation mail arrived');
    return mail.code;
  }

  it('replies to the conversation through the Bot Connector, offering activation to a new user', async () => {
    const [card] = await say('my tasks');
    expectValidCard(card);
    expect(visibleText(card)).toMatch(/Link your AFAS user first/);
    expect(connector.received[0].conversationId).toBe('a:pieter-chat');
    expect(connector.received[0].replyToId).toBe('http-1');
  });

  it('activates with the code from the sandbox mailbox, then pages and refreshes the tasks card through invokes', async () => {
    await say('activate');
    const [codeCard] = await say(PIETER);
    expect(visibleText(codeCard)).toContain(PIETER);
    const cards = await say(await latestCode());
    expect(visibleText(cards[0])).toContain(`linked to AFAS user ${PIETER}`);
    await connector.waitFor(connector.received.length + (cards.length < 2 ? 1 : 0));
    const tasksCard = connector.received[connector.received.length - 1].activity.attachments as { content: unknown }[];
    expect(visibleText(tasksCard[0].content)).toMatch(/130 open tasks/);
    expect(actions(tasksCard[0].content).map((a) => a.title)).toContain('Next');

    const page = await post(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'list.page', data: { kind: 'task', page: 2 } }, trigger: 'manual' } }));
    expect(page.status).toBe(200);
    const pageBody = page.json as { statusCode: number; type: string; value: unknown };
    expect(pageBody).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expectValidCard(pageBody.value);
    expect(visibleText(pageBody.value)).toMatch(/Page 2 of 13/);

    const refresh = await post(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'list.refresh', data: { kind: 'task', page: 2 } }, trigger: 'manual' } }));
    expect(visibleText((refresh.json as { value: unknown }).value)).toMatch(/Page 2 of 13/);
  });

  it('never logs the activation code or the AFAS token', async () => {
    await say('activate');
    await say(PIETER);
    const code = await latestCode();
    await say(code);
    const token = await demo.app.storage.activations.getToken({ tenantId: TENANT, aadObjectId: 'aad-pieter' });
    expect(token).toMatch(/^<token>/);
    const logs = demo.logger.text();
    expect(logs).not.toContain(code);
    expect(logs).not.toContain(token!);
    expect(logs).not.toContain(Buffer.from(token!).toString('base64'));
  });
});
