import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DemoSsoTokenValidator } from './auth/demo-sso-token-validator';
import { DevTokenIssuer } from './auth/dev-token-issuer';
import { JoseSsoTokenValidator } from './auth/jose-sso-token-validator';
import { AfasWorkItemSource } from './afas/afas-work-item-source';
import { RowMapper } from './afas/row-mapper';
import type { AppConfig } from './config';
import { composeOpenTracking } from './composition/open-tracking';
import { AppError } from './domain/app-error';
import { PLAYGROUND_PEOPLE, PLAYGROUND_TENANT_ID } from './dev/playground-identities';
import { DEV_HOST_PATH, registerDevHostRoutes } from './http/dev-host-routes';
import type { HttpServer } from './http/http-server';
import { registerOpenLinkRoute } from './http/open-link-route';
import { registerTabApiRoutes } from './http/tab-api-routes';
import { registerTabStaticRoutes } from './http/tab-static-routes';
import type { AfasClientFactory } from './ports/afas-client';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { NotificationWakeUp } from './ports/notification-wake-up';
import type { SsoTokenValidator } from './ports/sso-token-validator';
import type { Storage } from './ports/storage';
import { loadOrCreateKeyFile, parseEncryptionKey } from './secrets/encryption-key';
import { ActivationAttempts } from './use-cases/activation-attempts';
import { CheckAccess } from './use-cases/check-access';
import { ConfirmActivationCode } from './use-cases/confirm-activation-code';
import { GetActivationStatus } from './use-cases/get-activation-status';
import { GetTile } from './use-cases/get-tile';
import { ListWorkItems } from './use-cases/list-work-items';
import { OpenedItems } from './use-cases/opened-items';
import { RequestActivationCode } from './use-cases/request-activation-code';
import { SetFirstList } from './use-cases/set-first-list';

export interface TabCompositionDeps {
  readonly config: AppConfig;
  readonly http: HttpServer;
  readonly storage: Storage;
  readonly afas: AfasClientFactory;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Polls a user at once after activation (the notification engine). */
  readonly notifications: NotificationWakeUp;
  /** The Agents Playground's web UI once it runs (demo mode's start page links it). */
  readonly playgroundUrl?: () => string | null;
  /** The built tab (`npm run build:tab`); default: tab/dist of this checkout. */
  readonly assetDir?: string;
}

export interface ComposedTab {
  /** Where the development host is served (demo mode), to print at start; null outside demo mode. */
  readonly devHostPath: string | null;
  /** The Teams SSO token check the tab API uses (with development tokens in demo mode), for other APIs the tab calls (admin). */
  readonly validator: SsoTokenValidator;
}

/**
 * The tab's part of the composition root (called from main.ts before the server listens): its
 * use cases over the shared storage, the SSO token validation, the tab page and API, and in demo
 * mode the development host with its local token issuer.
 */
export async function composeTab(deps: TabCompositionDeps): Promise<ComposedTab> {
  const { config, storage, clock } = deps;
  const logger = deps.logger.child({ component: 'tab' });
  const assetDir = deps.assetDir ?? defaultTabAssetDir();
  const attempts = new ActivationAttempts(storage.state);
  const source = new AfasWorkItemSource(deps.afas, new RowMapper(logger.child({ component: 'rows' })), config.afasMaxRows);
  const opened = new OpenedItems({ state: storage.state, clock });
  const listWorkItems = new ListWorkItems({ activations: storage.activations, connections: storage.connections, source, clock });
  const entra = new JoseSsoTokenValidator({ audiences: config.tab.ssoAudiences, jwksUrl: config.tab.jwksUrl, allowedTenants: config.tab.allowedTenants, clock });
  let validator: SsoTokenValidator = entra;
  if (config.demo) {
    const issuer = await DevTokenIssuer.create({ tenantId: PLAYGROUND_TENANT_ID, clock });
    validator = new DemoSsoTokenValidator(entra, issuer);
    registerDevHostRoutes(deps.http.restify, {
      people: PLAYGROUND_PEOPLE.map((p) => ({ name: p.name, email: p.email })),
      issueToken: (index) => {
        const person = PLAYGROUND_PEOPLE[index];
        return issuer.issue({ tenantId: PLAYGROUND_TENANT_ID, aadObjectId: person.aadObjectId, name: person.name, upn: person.userPrincipalName });
      },
      assetDir,
      playgroundUrl: deps.playgroundUrl ?? (() => null),
    });
  } else if (config.tab.ssoAudiences.length === 0) {
    logger.warn({}, 'the tab API accepts no sign-in: set MicrosoftAppId (or TAB_SSO_AUDIENCE) to use the tab in Teams');
  }
  registerTabStaticRoutes(deps.http.restify, assetDir, { sourceMaps: config.demo });
  registerOpenLinkRoute(deps.http.restify, { tracking: composeOpenTracking({ encryptionKey: currentEncryptionKey(config), publicUrl: config.publicUrl, state: storage.state, clock }), logger });
  registerTabApiRoutes(deps.http.restify, {
    validator,
    checkAccess: new CheckAccess({ connections: storage.connections, activations: storage.activations, accessRules: storage.accessRules, owners: storage.owners, homeTenantId: config.bot.tenantId }),
    getTile: new GetTile({ listWorkItems, preferences: storage.preferences, opened }),
    opened,
    getActivationStatus: new GetActivationStatus({ activations: storage.activations, attempts, clock }),
    requestActivationCode: new RequestActivationCode({ connections: storage.connections, attempts, afas: deps.afas, clock }),
    confirmActivationCode: new ConfirmActivationCode({ connections: storage.connections, activations: storage.activations, attempts, afas: deps.afas, listWorkItems, clock, notifications: deps.notifications }),
    setFirstList: new SetFirstList({ preferences: storage.preferences, clock }),
    clock,
    logger,
  });
  if (!existsSync(join(assetDir, 'index.html'))) logger.warn({ assetDir }, 'the tab is not built: run npm run build:tab');
  return { devHostPath: config.demo ? DEV_HOST_PATH : null, validator };
}

/** The key main.ts seals secrets with (configured, or demo mode's key file, created at start by then). */
export function currentEncryptionKey(config: AppConfig): Buffer {
  return config.encryption.currentKey ? parseEncryptionKey(config.encryption.currentKey) : loadOrCreateKeyFile(join(config.dataDir, 'encryption.key'));
}

/** tab/dist next to package.json, whether running from src (ts-jest) or dist (compiled). */
export function defaultTabAssetDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new AppError('tab_assets_not_found', `No package.json above ${__dirname}: pass assetDir.`);
    dir = parent;
  }
  return join(dir, 'tab', 'dist');
}
