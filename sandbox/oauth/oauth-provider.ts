import type { Clock } from '../../src/ports/clock';
import type { Logger } from '../../src/ports/logger';
import type { AfasReply } from '../afas-reply';
import type { SandboxUser, UserDirectory } from '../user-directory';
import { checkAuthorizeRequest, redirectWith } from './oauth-authorize';
import { DEMO_OAUTH_CLIENT_ID, DEMO_OAUTH_CLIENT_SECRET, OAuthClients } from './oauth-clients';
import { DEFAULT_OAUTH_LIFETIMES, OAuthGrants, type OAuthLifetimes } from './oauth-grants';
import { OAuthTokenEndpoint } from './oauth-token-endpoint';
import { CONSENT_PAGE_HEADERS, renderConsentPage } from './consent-page';

export interface OAuthProviderSettings {
  readonly appName: string;
  readonly environment: string;
  /** An unknown but well-formed address typed on the consent page becomes a demo user. */
  readonly autoProvisionUsers: boolean;
  readonly lifetimes?: Partial<OAuthLifetimes>;
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

function page(status: number, html: string): AfasReply {
  return { status, text: { contentType: 'text/html; charset=utf-8', body: html }, headers: CONSENT_PAGE_HEADERS };
}

function redirect(location: string): AfasReply {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } };
}

/** AFAS's OAuth 2.0 authorization server for one app connector: authorize page, token endpoint, Bearer checks. */
export class OAuthProvider {
  readonly clients = new OAuthClients();
  readonly grants: OAuthGrants;
  readonly tokenEndpoint: OAuthTokenEndpoint;

  constructor(
    private readonly directory: UserDirectory,
    clock: Clock,
    private readonly settings: OAuthProviderSettings,
    logger: Logger,
  ) {
    this.grants = new OAuthGrants(clock, { ...DEFAULT_OAUTH_LIFETIMES, ...settings.lifetimes });
    this.tokenEndpoint = new OAuthTokenEndpoint(this.clients, this.grants, logger);
    this.clients.register({ clientId: DEMO_OAUTH_CLIENT_ID, clientSecret: DEMO_OAUTH_CLIENT_SECRET, redirectUris: [] });
  }

  /** `GET oauth/authorize`: the consent page, or an error (on the page for an untrusted redirect URI). */
  authorizePage(query: URLSearchParams): AfasReply {
    const check = checkAuthorizeRequest(this.clients, query);
    if (check.kind === 'page_error') return page(400, this.render({ error: check.message, showForm: false }));
    if (check.kind === 'redirect_error') return redirect(redirectWith(check.redirectUri, { error: check.error, error_description: check.description, state: check.state }));
    return page(200, this.render({ showForm: true }));
  }

  /** `POST oauth/authorize` (the consent form): a code to the redirect URI, or `access_denied`. */
  consent(query: URLSearchParams, form: URLSearchParams): { reply: AfasReply; user: SandboxUser | null } {
    const check = checkAuthorizeRequest(this.clients, query);
    if (check.kind === 'page_error') return { reply: page(400, this.render({ error: check.message, showForm: false })), user: null };
    if (check.kind === 'redirect_error') {
      return { reply: redirect(redirectWith(check.redirectUri, { error: check.error, error_description: check.description, state: check.state })), user: null };
    }
    const { request } = check;
    if (form.get('decision') === 'deny') return { reply: redirect(redirectWith(request.redirectUri, { error: 'access_denied', state: request.state })), user: null };
    const typed = (form.get('user') || form.get('other') || '').trim();
    const user = this.directory.find(typed) ?? (this.settings.autoProvisionUsers ? this.directory.provision(typed) : null);
    if (!user) return { reply: page(200, this.render({ error: 'This AFAS user is not known in this environment.', showForm: true })), user: null };
    const code = this.grants.issueCode({ clientId: request.client.clientId, redirectUri: request.redirectUri, userId: user.userId, codeChallenge: request.codeChallenge, scope: request.scope });
    return { reply: redirect(redirectWith(request.redirectUri, { code, state: request.state })), user };
  }

  /** The user behind `Authorization: Bearer <access token>`, or null. */
  userForHeader(header: string | undefined): string | null {
    const match = BEARER.exec(header ?? '');
    return match ? this.grants.userForAccessToken(match[1]) : null;
  }

  private render(parts: { error?: string; showForm: boolean }): string {
    return renderConsentPage({
      appName: this.settings.appName,
      environment: this.settings.environment,
      users: this.directory.all().map((u) => ({ userId: u.userId, name: u.name })),
      ...parts,
    });
  }
}
