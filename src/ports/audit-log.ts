export interface AuditEvent {
  readonly at: Date;
  /** Who did it: a UPN, `tenant/aadObjectId`, `cli:<os user>` or `system`. */
  readonly actor: string;
  /** What was done, as a stable verb such as `connection.update`. */
  readonly action: string;
  /** What it was done to (a connection id, a user). */
  readonly target: string;
  /** Extra facts; secrets must already be redacted by the caller. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface StoredAuditEvent extends AuditEvent {
  readonly id: number;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /** Newest first; `beforeId` pages further back. */
  list(page: { limit: number; beforeId?: number }): Promise<StoredAuditEvent[]>;
}
