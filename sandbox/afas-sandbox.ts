import { createServer, type Server } from 'restify';
import type { AddressInfo } from 'node:net';
import { AppError } from '../src/domain/app-error';
import type { Clock } from '../src/ports/clock';
import type { Logger } from '../src/ports/logger';
import { caseInsensitivePrefix } from './case-insensitive-prefix';
import { ConnectorCatalog } from './connector-catalog';
import { DEFAULT_OTP_VALIDITY_MS, DEFAULT_PARTICIPANT, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY, HEX_KEY } from './demo-keys';
import { DemoRowGenerator } from './demo-row-generator';
import { FaultInjector } from './fault-injector';
import { Mailbox } from './mailbox';
import { OtpService } from './otp-service';
import { OtpStore } from './otp-store';
import { RealClock } from './real-clock';
import { RequestHolds } from './request-holds';
import { RequestPipeline } from './request-pipeline';
import { RequestStats } from './request-stats';
import { connectorRoutes } from './routes/connector-routes';
import { registerInsiteRoutes } from './routes/insite-routes';
import { registerMailboxRoutes } from './routes/mailbox-routes';
import { metainfoRoutes } from './routes/metainfo-routes';
import { otpRoutes } from './routes/otp-routes';
import { oauthRoutes } from './routes/oauth-routes';
import { OAuthProvider } from './oauth/oauth-provider';
import { SandboxCredentials } from './oauth/sandbox-credentials';
import { SandboxOAuth } from './oauth/sandbox-oauth';
import { updateConnectorRoutes } from './routes/update-connector-routes';
import type { SandboxOptions, SandboxRow, SandboxUserInfo } from './sandbox-types';
import { SignalFeed } from './signal-feed';
import { SilentLogger } from './silent-logger';
import { type AcceptedReaction, TaskReactions } from './task-reactions';
import { TokenStore } from './token-store';
import { markParallelApprovals } from './parallel-approvals';
import { UserDirectory } from './user-directory';

export type SandboxMailbox = Pick<Mailbox, 'messages' | 'latestCodeFor' | 'clear'>;
export type SandboxFaults = Pick<FaultInjector, 'set' | 'clear'>;
export type SandboxStats = Pick<RequestStats, 'inFlight' | 'maxInFlight' | 'requests' | 'reset'>;

/** Where the standalone server mounts the AFAS routes, as on a real host. */
export const STANDALONE_PREFIX = '/ProfitRestServices';
export const SANDBOX_APP_NAME = 'AFAS for Teams';
export const SANDBOX_PROFIT_VERSION = '7.2.1.0';

function invalidOption(message: string): AppError {
  return new AppError('sandbox_invalid_option', message);
}

/**
 * An AFAS Profit environment in-process: the OTP activation flow with a demo mailbox, the task
 * and signal GetConnectors with AFAS's filters and paging, metainfo, and switchable faults.
 * Demo mode mounts it into the product's server; tests run it standalone on port 0.
 */
export class AfasSandbox {
  readonly mailbox: SandboxMailbox;
  readonly faults: SandboxFaults;
  readonly stats: SandboxStats;
  /** AFAS's OAuth 2.0 side: clients, the classic-token switch, the token endpoint's log. */
  readonly oauth: SandboxOAuth;
  private readonly clock: Clock;
  private readonly directory: UserDirectory;
  private readonly catalog = new ConnectorCatalog();
  private readonly tokens = new TokenStore();
  private readonly holds = new RequestHolds();
  private readonly feed: SignalFeed;
  private readonly taskReactions: TaskReactions;
  private readonly pipeline: RequestPipeline;
  private readonly mailboxImpl: Mailbox;
  private readonly mailboxServers = new WeakSet<Server>();
  private standalone: Server | null = null;

  constructor(options: SandboxOptions = {}) {
    const apiKey = options.apiKey ?? DEMO_API_KEY;
    const environmentKey = options.environmentKey ?? DEMO_ENVIRONMENT_KEY;
    const participant = options.participant ?? DEFAULT_PARTICIPANT;
    const otpValidityMs = options.otpValidityMs ?? DEFAULT_OTP_VALIDITY_MS;
    if (!HEX_KEY.test(apiKey) || !HEX_KEY.test(environmentKey)) throw invalidOption('apiKey and environmentKey must be 32 hex characters');
    if (!/^[1-9]\d{4}$/.test(participant)) throw invalidOption('participant must be a number from 10000 to 99999');
    if (!(otpValidityMs > 0)) throw invalidOption('otpValidityMs must be more than 0');
    const logger: Logger = (options.logger ?? new SilentLogger()).child({ component: 'afas-sandbox' });
    this.clock = options.clock ?? new RealClock();
    this.directory = new UserDirectory(new DemoRowGenerator(), this.clock, participant);
    markParallelApprovals(this.directory, participant);
    this.taskReactions = new TaskReactions(this.directory, this.clock);
    const mailbox = new Mailbox(this.clock, (userId) => this.directory.find(userId)?.userId ?? null);
    const faults = new FaultInjector();
    const stats = new RequestStats();
    const envid = `O${participant}AA`;
    const otpService = new OtpService(
      this.directory,
      new OtpStore(this.clock, otpValidityMs),
      this.tokens,
      mailbox,
      { apiKey, environmentKey, autoProvisionUsers: options.autoProvisionUsers ?? false, otpValidityMs, appName: SANDBOX_APP_NAME, environment: envid },
      logger,
    );
    const oauthProvider = new OAuthProvider(
      this.directory,
      this.clock,
      { appName: SANDBOX_APP_NAME, environment: envid, autoProvisionUsers: options.autoProvisionUsers ?? false, lifetimes: options.oauthLifetimes },
      logger,
    );
    const credentials = new SandboxCredentials(this.tokens, oauthProvider);
    this.oauth = new SandboxOAuth(oauthProvider, credentials, this.directory);
    const info = { envid, appName: SANDBOX_APP_NAME, group: `${SANDBOX_APP_NAME} gebruikers`, profitVersion: SANDBOX_PROFIT_VERSION };
    const routes = [
      ...otpRoutes(otpService, () => credentials.classicTokensEnabled),
      ...oauthRoutes(oauthProvider),
      ...connectorRoutes(this.catalog),
      ...updateConnectorRoutes(this.catalog, this.taskReactions),
      ...metainfoRoutes(this.catalog, info),
    ];
    this.pipeline = new RequestPipeline({ routes, tokens: credentials, directory: this.directory, faults, stats, holds: this.holds, clock: this.clock, logger });
    this.feed = new SignalFeed(this.directory, credentials, options.signalIntervalMs ?? 0, logger);
    this.mailboxImpl = mailbox;
    this.mailbox = mailbox;
    this.faults = faults;
    this.stats = stats;
  }

  /**
   * Registers the AFAS routes below `prefix` (any casing of it is accepted) and the mailbox at
   * `/sandbox/mail` and `/sandbox/mail.json`. Leaves the server's other routes alone.
   */
  registerRoutes(server: Server, prefix: string): void {
    const base = `/${prefix.replace(/^\/+|\/+$/g, '')}`;
    if (base === '/') throw invalidOption('prefix must not be empty');
    server.pre(caseInsensitivePrefix(base));
    const handler = this.pipeline.handlerFor(base);
    server.get(`${base}/*`, handler);
    server.post(`${base}/*`, handler);
    if (!this.mailboxServers.has(server)) {
      registerMailboxRoutes(server, this.mailboxImpl);
      registerInsiteRoutes(server);
      this.mailboxServers.add(server);
    }
  }

  /** Starts a standalone server on 127.0.0.1 (port 0 = any free port). */
  async listen(port = 0): Promise<{ origin: string; baseUrl: string }> {
    if (this.standalone) throw new AppError('sandbox_already_listening', 'The sandbox is already listening');
    const server = createServer({ name: 'afas-sandbox' });
    // Longer than any client's idle keep-alive, so a client never reuses a socket we just closed.
    server.server.keepAliveTimeout = 65_000;
    this.registerRoutes(server, STANDALONE_PREFIX);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.standalone = server;
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { origin, baseUrl: `${origin}${STANDALONE_PREFIX}` };
  }

  /** Stops the signal timer, drops held (latency/hang) requests and closes the standalone server. */
  async close(): Promise<void> {
    this.feed.stop();
    this.holds.releaseAll();
    const server = this.standalone;
    this.standalone = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.server.closeAllConnections();
    });
  }

  start(): void {
    this.feed.start();
  }

  stop(): void {
    this.feed.stop();
  }

  generateSignals(): number {
    return this.feed.generate();
  }

  users(): SandboxUserInfo[] {
    return this.directory.all().map((u) => ({ userId: u.userId, userCode: u.userCode, name: u.name }));
  }

  /** Issues a token as a successful OTP validation would (no mail); `userId` = e-mail or user code. */
  issueToken(userId: string): string {
    return this.tokens.issue(this.directory.require(userId).userId);
  }

  revokeToken(token: string): void {
    this.tokens.revoke(token);
  }

  /** Adds a task dated now; `row` is merged over a generated one. */
  addTask(userId: string, row: SandboxRow): void {
    this.directory.addTask(this.directory.require(userId), row);
  }

  /** Adds a signal dated now; `row` is merged over a generated one. */
  addSignal(userId: string, row: SandboxRow): void {
    this.directory.addSignal(this.directory.require(userId), row);
  }

  /** `metainfo/get` stops listing the field and rows stop carrying it, as when an admin removes it. */
  removeConnectorField(connectorId: string, fieldId: string): void {
    this.catalog.removeField(connectorId, fieldId);
  }

  /** Which GetConnectors the app connector includes (default: Teams_*, Pocket_* and the two workflow connectors). */
  setAppConnectorConnectors(ids: string[]): void {
    this.catalog.setAppConnectorConnectors(ids);
  }

  /** Which UpdateConnectors the app connector includes (default: KnSubjectWorkflowReaction). */
  setAppConnectorUpdateConnectors(ids: string[]): void {
    this.catalog.setAppConnectorUpdateConnectors(ids);
  }

  /** Reactions AFAS accepted (with an action: the task was handled; without: a comment), oldest first. */
  reactions(): readonly AcceptedReaction[] {
    return this.taskReactions.reactions;
  }

  /** Another approver (`by`) handles the user's task now: it leaves their list; reacting on it gets "already handled". */
  handleTaskElsewhere(userId: string, taskId: string, by: string): void {
    this.taskReactions.handleElsewhere(this.directory.require(userId), taskId, by);
  }

  /** The user's open tasks as `Teams_Tasks` holds them (unprojected), for tests that pick a task to act on. */
  tasksOf(userId: string): readonly SandboxRow[] {
    return this.directory.require(userId).tasks.map((row) => ({ ...row }));
  }
}
