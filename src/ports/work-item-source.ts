import type { AfasConnection } from '../domain/afas-connection';
import type { WorkItem, WorkItemKind } from '../domain/work-item';

export interface WorkItemList {
  /** Newest first. */
  readonly items: readonly WorkItem[];
  /** Rows skipped because a required field (id, title) was missing. */
  readonly skipped: number;
  /** True when AFAS holds more rows than were read (the cap, or the view's limit): the list is the newest only. */
  readonly truncated: boolean;
}

/** How much of a list a view needs. */
export interface ListSize {
  /**
   * The most items the view shows. Without it the source reads up to its row cap: what a view that
   * shows the total needs (it says "500+" when `truncated`).
   */
  readonly limit?: number;
}

/**
 * Reads one user's tasks or signals from the connection's GetConnector with that user's token, in
 * one call: one row more than it returns tells whether AFAS holds more.
 */
export interface WorkItemSource {
  list(connection: AfasConnection, token: string, kind: WorkItemKind, size?: ListSize): Promise<WorkItemList>;
}
