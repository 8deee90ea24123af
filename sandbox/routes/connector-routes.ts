import type { ConnectorCatalog, ConnectorKind } from '../connector-catalog';
import { parseConnectorQuery } from '../connector-query';
import { readConnector } from '../connector-reader';
import { refusals } from '../sandbox-http-error';
import type { SandboxRow } from '../sandbox-types';
import type { SandboxUser } from '../user-directory';
import { subjectTaskRows, workflowActionRows } from '../workflow-rows';
import type { AfasRoute } from './afas-route';

function rowsFor(kind: ConnectorKind, user: SandboxUser): readonly SandboxRow[] {
  switch (kind) {
    case 'task':
      return user.tasks;
    case 'signal':
      return user.signals;
    case 'subjectTask':
      return subjectTaskRows(user);
    case 'workflowAction':
      return workflowActionRows();
  }
}

/** `GET connectors/{id}`: the token's user's tasks, signals or workflow tasks (or the workflows' actions), filtered, sorted and paged. */
export function connectorRoutes(catalog: ConnectorCatalog): AfasRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/connectors\/([^/]+)\/?$/i,
      authenticated: true,
      handle: (ctx) => {
        const connector = catalog.find(ctx.params[0]);
        if (!connector) throw refusals.connectorNotAuthorized();
        return { status: 200, body: readConnector(connector, rowsFor(connector.kind, ctx.user), parseConnectorQuery(ctx.query)) };
      },
    },
  ];
}
