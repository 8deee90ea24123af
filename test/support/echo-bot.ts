import type { AddressInfo } from 'node:net';
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import * as restify from 'restify';

export interface EchoBot {
  /** The messaging endpoint, e.g. http://127.0.0.1:41234/api/messages. */
  readonly url: string;
  /** The last 1000 activities the bot received, oldest first. */
  readonly received: readonly Activity[];
  /** Sends `text` proactively into the conversation of the last activity received. */
  sendProactive(text: string): Promise<void>;
  close(): Promise<void>;
}

const KEEP = 1000;

/** What the echo bot answers: "echo: <text>" for text, the submitted data for a submit, the event otherwise. */
function echoOf(activity: Activity): string {
  if (activity.type === ActivityTypes.Message) return activity.text ? `echo: ${activity.text}` : `echo: ${JSON.stringify(activity.value ?? null)}`;
  return `echo: ${activity.type}${activity.action ? ` ${activity.action}` : ''}`;
}

/**
 * The smallest bot on the product's stack (restify + botbuilder CloudAdapter), unauthenticated like
 * local development with an empty app id. The baseline for benchmarks and the target of Playground
 * tests. An `adaptiveCard/action` invoke is answered with a message response "echo: <verb>".
 */
export async function startEchoBot(): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
  const received: Activity[] = [];
  let lastReference: Partial<ConversationReference> | null = null;

  const logic = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    received.push(activity);
    received.splice(0, Math.max(0, received.length - KEEP));
    lastReference = TurnContext.getConversationReference(activity);
    if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
      const verb: unknown = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
      const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `echo: ${String(verb)}` };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
      return;
    }
    if (activity.type === ActivityTypes.Invoke) return;
    await context.sendActivity(echoOf(activity));
  };

  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, logic);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    received,
    async sendProactive(text: string): Promise<void> {
      const reference = lastReference;
      if (!reference) throw new Error('The echo bot has no conversation to send into yet');
      await adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity(text);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
