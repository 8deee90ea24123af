import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** Service URLs are a handful per cloud (Teams' regions); past this many the oldest client is dropped. */
const MAX_CLIENTS = 64;

/**
 * botbuilder builds a new Bot Connector client (credentials, HTTP pipeline) for every turn, user
 * turns and proactive sends alike. This keeps one client per bot app, service URL and audience and
 * hands the same one to every turn; everything else is the wrapped authentication's.
 */
export class CachedConnectorAuthentication extends BotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCache(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCache(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.cached(this.inner.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private withCache(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.cached(result.connectorFactory, appIdOf(result.claimsIdentity)) } : result;
  }

  private cached(factory: ConnectorFactory, appId: string): ConnectorFactory {
    const clients = this.clients;
    return {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = `${appId}\n${serviceUrl}\n${audience ?? ''}`;
        const known = clients.get(key);
        if (known) return known;
        const client = factory.create(serviceUrl, audience);
        // A client that could not be made (credentials) is asked for again next time.
        client.catch(() => clients.delete(key));
        clients.set(key, client);
        if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
        return client;
      },
    } as ConnectorFactory;
  }
}

/** The bot's app id in a turn's claims (empty in local development). */
function appIdOf(identity: ClaimsIdentity | undefined): string {
  return identity?.getClaimValue('aud') ?? identity?.getClaimValue('appid') ?? '';
}
