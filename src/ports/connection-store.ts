import type { AfasConnection, ConnectionSecrets } from '../domain/afas-connection';

/** AFAS connections. Secrets are encrypted by the store and kept apart from the rest. */
export interface ConnectionStore {
  /** Inserts or replaces the non-secret fields. Setting `isDefault` clears it on the tenant's others. */
  save(connection: AfasConnection): Promise<void>;
  get(id: string): Promise<AfasConnection | null>;
  list(): Promise<AfasConnection[]>;
  /** The tenant's own connections plus the ones for every tenant (`tenantId` null). */
  listForTenant(tenantId: string): Promise<AfasConnection[]>;
  remove(id: string): Promise<boolean>;
  setSecrets(id: string, secrets: ConnectionSecrets): Promise<void>;
  /** Decrypted secrets; null when none were set. */
  getSecrets(id: string): Promise<ConnectionSecrets | null>;
  hasSecrets(id: string): Promise<boolean>;
}
