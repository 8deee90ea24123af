import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import { CachedConnectorAuthentication } from '../../bot/cached-connector-auth';

/** botbuilder's own authentication, unauthenticated as in local development: no network is used to make a client. */
function auth(): CachedConnectorAuthentication {
  return new CachedConnectorAuthentication(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }));
}

const identity = new ClaimsIdentity([], true);

describe('one Bot Connector client per service URL', () => {
  it('hands every turn for a service URL the same client, and another URL its own', async () => {
    const cached = auth();
    const first = await cached.createConnectorFactory(identity).create('https://smba.trafficmanager.net/emea/');
    const again = await cached.createConnectorFactory(identity).create('https://smba.trafficmanager.net/emea/');
    const other = await cached.createConnectorFactory(identity).create('https://smba.trafficmanager.net/amer/');
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('keeps the client of a request authenticated by the channel too (user turns and proactive sends share it)', async () => {
    const cached = auth();
    const activity = { type: 'message', serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams' } as Activity;
    const result = await cached.authenticateRequest(activity, '');
    const factory = result.connectorFactory!;
    const fromTurn: ConnectorClient = await factory.create(activity.serviceUrl, result.audience);
    expect(await factory.create(activity.serviceUrl, result.audience)).toBe(fromTurn);
  });

  it('drops the oldest client past 64 service URLs', async () => {
    const cached = auth();
    const factory = cached.createConnectorFactory(identity);
    const oldest = await factory.create('https://example.test/0/');
    for (let i = 1; i <= 64; i++) await factory.create(`https://example.test/${i}/`);
    expect(await factory.create('https://example.test/0/')).not.toBe(oldest);
  });
});
