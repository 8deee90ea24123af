/** A stored JSON document with its optimistic-concurrency tag. */
export interface StateItem {
  readonly value: unknown;
  readonly eTag: string;
}

export interface StateChange {
  readonly key: string;
  readonly value: unknown;
  /** When given (and not `*`), the write fails with `storage_etag_conflict` unless it matches. */
  readonly expectedETag?: string;
  /** Creates the document only if there is none yet: otherwise fails with `storage_etag_conflict` (atomic, across processes). */
  readonly ifAbsent?: boolean;
}

/**
 * Key-value documents with eTags: what botbuilder's `Storage` needs (dialog and user state), so
 * dialogs survive restarts. Values round-trip through JSON.
 */
export interface StateStore {
  read(keys: readonly string[]): Promise<Record<string, StateItem>>;
  write(changes: readonly StateChange[]): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
}
