import type { AfasConnection } from '../domain/afas-connection';
import { isAfasError } from '../domain/afas-error';
import { resolveFieldMap } from '../domain/field-map';
import type { WorkItemKind } from '../domain/work-item';
import type { AfasAuth, AfasClientFactory } from '../ports/afas-client';
import type { WorkItemList, WorkItemSource } from '../ports/work-item-source';
import type { RowMapper } from './row-mapper';

/**
 * Reads a user's tasks or signals through the connection's GetConnector and field map, newest
 * first. More rows than `maxRows` is not an error for the user: the newest `maxRows` are shown
 * and the list says it was cut.
 */
export class AfasWorkItemSource implements WorkItemSource {
  constructor(private readonly afas: AfasClientFactory, private readonly mapper: RowMapper, private readonly maxRows: number) {}

  async list(connection: AfasConnection, token: string, kind: WorkItemKind): Promise<WorkItemList> {
    const map = resolveFieldMap(kind, kind === 'task' ? connection.taskFieldMap : connection.signalFieldMap);
    const connectorId = kind === 'task' ? connection.tasksConnector : connection.signalsConnector;
    const client = this.afas.forBaseUrl(connection.baseUrl);
    const auth: AfasAuth = { kind: 'afasToken', token };
    const orderBy = [`-${map.date}`];
    let truncated = false;
    let rows;
    try {
      rows = await client.getAllRows(auth, connectorId, { orderBy, maxRows: this.maxRows });
    } catch (error) {
      if (!isAfasError(error, 'afas_row_cap_exceeded')) throw error;
      truncated = true;
      rows = (await client.getConnector(auth, connectorId, { skip: 0, take: this.maxRows, orderBy })).rows;
    }
    const mapped = this.mapper.map(kind, connectorId, rows, map);
    return { items: mapped.items, skipped: mapped.skipped, truncated };
  }
}
