import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DemoSsoTokenValidator } from '../auth/demo-sso-token-validator';
import { DevTokenIssuer } from '../auth/dev-token-issuer';
import { JoseSsoTokenValidator } from '../auth/jose-sso-token-validator';
import { AppError } from '../domain/app-error';
import { PLAYGROUND_PEOPLE, PLAYGROUND_TENANT_ID } from '../dev/playground-identities';
import { DEV_HOST_PATH, registerDevHostRoutes } from '../http/dev-host-routes';
import type { HttpServer } from '../http/http-server';
import { registerOpenLinkRoute } from '../http/open-link-route';
import { registerOAuthRoutes } from '../http/oauth-routes';
import { registerTabApiRoutes } from '../http/tab-api-routes';
import { registerTabStaticRoutes } from '../http/tab-static-routes';
import type { SsoTokenValidator } from '../ports/sso-token-validator';
import type { Core } from './core';
import type { UseCases } from './use-cases';

export interface TabCompositionDeps {
  readonly core: Core;
  readonly useCases: UseCases;
  readonly http: HttpServer;
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
 * The tab's part of the composition (called from main.ts before the server listens): the
 * composed use cases behind the tab API, the SSO token validation, the tab page and API, and in demo
 * mode the development host with its local token issuer.
 */
export async function composeTab(deps: TabCompositionDeps): Promise<ComposedTab> {
  const { core, useCases } = deps;
  const { config, clock } = core;
  const logger = core.logger.child({ component: 'tab' });
  const assetDir = deps.assetDir ?? defaultTabAssetDir();
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
  registerOpenLinkRoute(deps.http.restify, { tracking: useCases.openTracking, logger });
  registerOAuthRoutes(deps.http.restify, { signInStarts: useCases.signInStarts, oauthSignIn: useCases.oauthSignIn, publicUrl: config.publicUrl, logger: core.logger.child({ component: 'oauth' }) });
  registerTabApiRoutes(deps.http.restify, {
    validator,
    checkAccess: useCases.checkAccess,
    getTile: useCases.getTile,
    opened: useCases.opened,
    getActivationStatus: useCases.getActivationStatus,
    requestActivationCode: useCases.requestActivationCode,
    confirmActivationCode: useCases.confirmActivationCode,
    setFirstList: useCases.setFirstList,
    taskActions: { listTaskActions: useCases.listTaskActions, actOnTask: useCases.actOnTask },
    oauth: { signInStarts: useCases.signInStarts, oauthSignIn: useCases.oauthSignIn },
    clock,
    logger,
  });
  if (!existsSync(join(assetDir, 'index.html'))) logger.warn({ assetDir }, 'the tab is not built: run npm run build:tab');
  return { devHostPath: config.demo ? DEV_HOST_PATH : null, validator };
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
