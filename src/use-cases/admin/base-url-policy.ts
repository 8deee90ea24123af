import { isAfasOnlineBaseUrl } from '../../domain/afas-environment';
import type { ConnectionStore } from '../../ports/connection-store';
import { DEFAULT_CONNECTION_ID } from '../register-default-connection';
import type { AdminScope } from './admin-scope';

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
  async problem(scope: AdminScope, baseUrl: string): Promise<'notAfasHost' | null> {
    if (scope.tenantId === null || isAfasOnlineBaseUrl(baseUrl) || this.allowed.has(comparable(baseUrl))) return null;
    const configured = await this.connections.get(DEFAULT_CONNECTION_ID);
    return configured && comparable(configured.baseUrl) === comparable(baseUrl) ? null : 'notAfasHost';
  }
}
