import { isAfasOnlineBaseUrl } from '../../domain/afas-environment';
import type { ConnectionStore } from '../../ports/connection-store';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import type { AdminScope } from './admin-scope';

export const NOT_AN_AFAS_HOST =
  'must be an AFAS Online environment (a name such as O12345AA, a participant number such as 12345, or its https://12345.rest.afas.online/ProfitRestServices URL); ' +
  'other addresses can only be set by the operator of this server (AFAS_BASE_URL, AFAS_ALLOWED_BASE_URLS or npm run admin -- connection add)';

const comparable = (url: string): string => url.replace(/\/+$/, '').toLowerCase();

/**
 * Where an app owner may point a connection. The server sends the owner's AFAS token there and
 * reports how the address answered, so an arbitrary URL would let a tenant's owner probe the
 * operator's network. Owners get AFAS Online hosts built from an environment name; other base URLs
 * (plain http, a proxy, the sandbox) only when the operator chose them: the operator's own
 * AFAS_* connection, AFAS_ALLOWED_BASE_URLS, or anything on the command line.
 */
export class BaseUrlPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(private readonly connections: ConnectionStore, allowedBaseUrls: readonly string[]) {
    this.allowed = new Set(allowedBaseUrls.map(comparable));
  }

  /** Null when `scope` may use `baseUrl`; otherwise what to tell them (never the URL itself). */
  async problem(scope: AdminScope, baseUrl: string): Promise<string | null> {
    if (scope.tenantId === null || isAfasOnlineBaseUrl(baseUrl) || this.allowed.has(comparable(baseUrl))) return null;
    const configured = await this.connections.get(DEFAULT_CONNECTION_ID);
    return configured && comparable(configured.baseUrl) === comparable(baseUrl) ? null : NOT_AN_AFAS_HOST;
  }
}
