import type { ConnectorCatalog } from '../connector-catalog';
import { refusals } from '../sandbox-http-error';
import type { AfasRoute } from './afas-route';

export interface EnvironmentInfo {
  /** `O12345AA`. */
  readonly envid: string;
  readonly appName: string;
  readonly group: string;
  readonly profitVersion: string;
}

/** `metainfo`, `metainfo/get/{id}` and `ProfitVersion`: what the token may use, and a liveness check. */
export function metainfoRoutes(catalog: ConnectorCatalog, info: EnvironmentInfo): AfasRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/metainfo\/?$/i,
      authenticated: true,
      handle: () => ({
        status: 200,
        body: {
          getConnectors: catalog.listed(),
          updateConnectors: catalog.listedUpdateConnectors(),
          // Classic tokens do not expire: AFAS reports null.
          info: { envid: info.envid, appName: info.appName, group: info.group, tokenExpiry: null },
        },
      }),
    },
    {
      method: 'GET',
      pattern: /^\/metainfo\/get\/([^/]+)\/?$/i,
      authenticated: true,
      handle: (ctx) => {
        const connector = catalog.find(ctx.params[0]);
        if (!connector) throw refusals.connectorNotAuthorized();
        return { status: 200, body: { name: connector.id, description: connector.description, fields: connector.fields } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/profitversion\/?$/i,
      authenticated: true,
      handle: () => ({ status: 200, body: { version: info.profitVersion } }),
    },
  ];
}
