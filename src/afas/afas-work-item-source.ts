import type { AfasConnection } from '../domain/afas-connection';
import { resolveFieldMap } from '../domain/field-map';
import type { WorkItemKind } from '../domain/work-item';
import type { AfasAuth, AfasClientFactory } from '../ports/afas-client';
import type { ListSize, WorkItemList, WorkItemSource } from '../ports/work-item-source';
import { afasAuthFor } from './auth-header';
import type { RowMapper } from './row-mapper';

/**
 * Reads a user's tasks or signals through the connection's GetConnector and field map, newest
 * first, in one call. More rows than `maxRows` (or the view's limit) is not an error for the user:
 * the newest are shown and the list says it was cut.
 */
export class AfasWorkItemSource implements WorkItemSource {
  constructor(private readonly afas: AfasClientFactory, private readonly mapper: RowMapper, private readonly maxRows: number) {}

  async list(connection: AfasConnection, token: string, kind: WorkItemKind, size: ListSize = {}): Promise<WorkItemList> {
    const map = resolveFieldMap(kind, kind === 'task' ? connection.taskFieldMap : connection.signalFieldMap);
    const connectorId = kind === 'task' ? connection.tasksConnector : connection.signalsConnector;
    const auth: AfasAuth = afasAuthFor(token);
    const limit = Math.max(0, Math.min(size.limit ?? this.maxRows, this.maxRows));
    // One row past the limit tells "exactly that many" apart from "more": AFAS has no count.
    const page = await this.afas.forBaseUrl(connection.baseUrl).getConnector(auth, connectorId, { skip: 0, take: limit + 1, orderBy: [`-${map.date}`] });
    const truncated = page.rows.length > limit;
    const mapped = this.mapper.map(kind, connectorId, truncated ? page.rows.slice(0, limit) : page.rows, map);
    return { items: mapped.items, skipped: mapped.skipped, truncated };
  }
}
