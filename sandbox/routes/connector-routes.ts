import type { ConnectorCatalog } from '../connector-catalog';
import { parseConnectorQuery } from '../connector-query';
import { readConnector } from '../connector-reader';
import { refusals } from '../sandbox-http-error';
import type { AfasRoute } from './afas-route';

/** `GET connectors/{id}`: the token's user's tasks or signals, filtered, sorted and paged. */
export function connectorRoutes(catalog: ConnectorCatalog): AfasRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/connectors\/([^/]+)\/?$/i,
      authenticated: true,
      handle: (ctx) => {
        const connector = catalog.find(ctx.params[0]);
        if (!connector) throw refusals.connectorNotAuthorized();
        const rows = connector.kind === 'task' ? ctx.user.tasks : ctx.user.signals;
        return { status: 200, body: readConnector(connector, rows, parseConnectorQuery(ctx.query)) };
      },
    },
  ];
}
