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
  /** The Teams tenant the change belongs to; absent or null = every tenant (operators, shared connections). */
  readonly tenantId?: string | null;
}

export interface StoredAuditEvent extends AuditEvent {
  readonly id: number;
  readonly tenantId: string | null;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /**
   * Newest first; `beforeId` pages further back. With `tenantId`, only that tenant's events and the
   * every-tenant ones.
   */
  list(page: { limit: number; beforeId?: number; tenantId?: string }): Promise<StoredAuditEvent[]>;
}
