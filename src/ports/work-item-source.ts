import type { AfasConnection } from '../domain/afas-connection';
import type { WorkItem, WorkItemKind } from '../domain/work-item';

export interface WorkItemList {
  /** Newest first. */
  readonly items: readonly WorkItem[];
  /** Rows skipped because a required field (id, title) was missing. */
  readonly skipped: number;
  /** True when AFAS holds more rows than the configured cap and only the newest were read. */
  readonly truncated: boolean;
}

/** Reads one user's tasks or signals from the connection's GetConnector with that user's token. */
export interface WorkItemSource {
  list(connection: AfasConnection, token: string, kind: WorkItemKind): Promise<WorkItemList>;
}
