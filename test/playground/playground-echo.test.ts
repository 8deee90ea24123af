import { CHILD_ENV } from './child-env';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentsPlayground } from '../../src/dev/agents-playground';
import { PLAYGROUND_PEOPLE, PLAYGROUND_PERSONAL_CHAT_ID, PLAYGROUND_TENANT_ID } from '../../src/dev/playground-identities';
import { RecordingLogger } from '../fakes/recording-logger';
import { startEchoBot, type EchoBot } from '../support/echo-bot';
import { PlaygroundDriver } from '../support/playground-driver';

jest.setTimeout(60_000);

describe('the Agents Playground in front of the echo bot', () => {
  const logger = new RecordingLogger();
  const workDir = mkdtempSync(join(tmpdir(), 'playground-echo-'));
  const jan = PLAYGROUND_PEOPLE[0];
  let bot: EchoBot;
  let playground: AgentsPlayground;
  let driver: PlaygroundDriver;

  beforeAll(async () => {
    bot = await startEchoBot();
    playground = new AgentsPlayground({ baseEnv: CHILD_ENV, botEndpoint: bot.url, workDir, logger, preferredPort: 0 });
    const { url } = await playground.start();
    driver = new PlaygroundDriver();
    await driver.connect(url);
  }, 120_000);

  afterAll(async () => {
    await driver?.close();
    await playground?.stop();
    await bot?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('loads the fixed identities: the personal chat and Jan de Vries as the current user', () => {
    expect(driver.personalChatId).toBe(PLAYGROUND_PERSONAL_CHAT_ID);
    expect(driver.people.map((p) => p.email)).toEqual(PLAYGROUND_PEOPLE.map((p) => p.email));
    expect(driver.people[0]).toMatchObject({ id: jan?.id, aadObjectId: jan?.aadObjectId, userPrincipleName: jan?.email });
  });

  it('answers "hello" typed in the personal chat with "echo: hello"', async () => {
    await driver.sendText('hello');
    const reply = await driver.waitForReply({ text: 'echo: hello' });
    expect(reply.conversationId).toBe(PLAYGROUND_PERSONAL_CHAT_ID);
    const got = bot.received.find((a) => a.type === 'message' && a.text === 'hello');
    expect(got).toMatchObject({
      channelId: 'msteams',
      from: { id: jan?.id, aadObjectId: jan?.aadObjectId },
      conversation: { id: PLAYGROUND_PERSONAL_CHAT_ID, conversationType: 'personal', tenantId: PLAYGROUND_TENANT_ID },
    });
    expect(got?.serviceUrl).toMatch(/^http:\/\/localhost:\d+\/_connector$/);
  });

  it('delivers a mock install as an installationUpdate from the current user, and a proactive message back into the chat', async () => {
    await driver.install();
    await driver.waitForReply({ text: 'echo: installationUpdate add' });
    expect(bot.received.find((a) => a.type === 'installationUpdate')).toMatchObject({
      action: 'add',
      from: { id: jan?.id, aadObjectId: jan?.aadObjectId },
      conversation: { id: PLAYGROUND_PERSONAL_CHAT_ID },
      channelData: { tenant: { id: PLAYGROUND_TENANT_ID } },
    });
    await bot.sendProactive('a new signal');
    await driver.waitForReply({ text: 'a new signal' });
  });

  it('sends an Action.Execute as an adaptiveCard/action invoke and returns the bot\'s invoke response', async () => {
    const response = await driver.invoke({ verb: 'approve', data: { taskId: 't-1' } });
    expect(response).toEqual({ type: 'application/vnd.microsoft.activity.message', value: 'echo: approve' });
    expect(bot.received.find((a) => a.type === 'invoke')).toMatchObject({
      name: 'adaptiveCard/action',
      from: { id: jan?.id },
      value: { action: { type: 'Action.Execute', verb: 'approve', data: { taskId: 't-1' } } },
    });
  });

  it('sends an Action.Submit as a message carrying the data as value', async () => {
    await driver.submit({ choice: 'later' });
    await driver.waitForReply({ text: 'echo: {"choice":"later"}' });
    const submitted = bot.received.find((a) => a.type === 'message' && a.value !== undefined);
    expect(submitted?.replyToId).toEqual(expect.any(String));
  });

  it('sends another person\'s text into the group chat, with their own identity', async () => {
    const fleur = PLAYGROUND_PEOPLE[1];
    const { conversationId } = await driver.sendText('hoi', 1);
    await driver.waitForReply({ conversationId, text: /hoi$/ });
    expect(bot.received.find((a) => a.type === 'message' && a.from.id === fleur?.id)).toMatchObject({
      from: { aadObjectId: fleur?.aadObjectId },
      conversation: { id: conversationId, conversationType: 'groupChat' },
    });
  });

  it('logs the port it found and how long the start took', () => {
    expect(logger.lines.find((l) => l.message === 'Agents Playground ready')?.fields).toMatchObject({ port: expect.any(Number), ms: expect.any(Number) });
  });
});
