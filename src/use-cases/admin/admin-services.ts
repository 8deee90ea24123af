import type { AfasClientFactory } from '../../ports/afas-client';
import type { Clock } from '../../ports/clock';
import type { Storage } from '../../ports/storage';
import { AddOwner } from './add-owner';
import { AuditTrail } from './audit-trail';
import { AuthorizeAdmin } from './authorize-admin';
import { BaseUrlPolicy } from './base-url-policy';
import { GetAccessRule } from './get-access-rule';
import { GetConnection } from './get-connection';
import { ListAudit } from './list-audit';
import { ListConnections } from './list-connections';
import { ListOwners } from './list-owners';
import { RemoveConnection } from './remove-connection';
import { RemoveOwner } from './remove-owner';
import { SaveConnection } from './save-connection';
import { SetAccessRule } from './set-access-rule';
import { SetConnectionSecrets } from './set-connection-secrets';
import { SetDefaultConnection } from './set-default-connection';
import { SyncConfiguredOwners } from './sync-configured-owners';
import { TestConnection } from './test-connection';

/** Every admin use case, for the admin API and the CLI alike. */
export interface AdminServices {
  readonly authorize: AuthorizeAdmin;
  readonly listConnections: ListConnections;
  readonly getConnection: GetConnection;
  readonly saveConnection: SaveConnection;
  readonly setConnectionSecrets: SetConnectionSecrets;
  readonly removeConnection: RemoveConnection;
  readonly setDefaultConnection: SetDefaultConnection;
  readonly testConnection: TestConnection;
  readonly getAccessRule: GetAccessRule;
  readonly setAccessRule: SetAccessRule;
  readonly listOwners: ListOwners;
  readonly addOwner: AddOwner;
  readonly removeOwner: RemoveOwner;
  readonly listAudit: ListAudit;
  readonly syncConfiguredOwners: SyncConfiguredOwners;
}

export interface AdminServiceDeps {
  readonly storage: Pick<Storage, 'connections' | 'activations' | 'accessRules' | 'owners' | 'audit'>;
  readonly afas: AfasClientFactory;
  readonly clock: Clock;
  /** A short random suffix for new connection ids. */
  readonly newId: () => string;
  /** MicrosoftAppTenantId: the app's own tenant (see AuthorizeAdmin). */
  readonly homeTenantId?: string | null;
  /** AFAS_ALLOWED_BASE_URLS: base URLs other than AFAS Online that app owners may use (see BaseUrlPolicy). */
  readonly allowedBaseUrls?: readonly string[];
}

export function createAdminServices(deps: AdminServiceDeps): AdminServices {
  const { storage, afas, clock } = deps;
  const { connections, activations, accessRules, owners, audit } = storage;
  const trail = new AuditTrail(audit, clock);
  return {
    authorize: new AuthorizeAdmin({ owners, homeTenantId: deps.homeTenantId }),
    listConnections: new ListConnections(connections),
    getConnection: new GetConnection(connections),
    saveConnection: new SaveConnection({ connections, trail, clock, newId: deps.newId, baseUrls: new BaseUrlPolicy(connections, deps.allowedBaseUrls ?? []) }),
    setConnectionSecrets: new SetConnectionSecrets({ connections, trail }),
    removeConnection: new RemoveConnection({ connections, trail }),
    setDefaultConnection: new SetDefaultConnection({ connections, trail, clock }),
    testConnection: new TestConnection({ connections, activations, afas, trail, clock }),
    getAccessRule: new GetAccessRule({ connections, accessRules }),
    setAccessRule: new SetAccessRule({ connections, accessRules, trail, clock }),
    listOwners: new ListOwners(owners),
    addOwner: new AddOwner({ owners, trail, clock }),
    removeOwner: new RemoveOwner({ owners, trail }),
    listAudit: new ListAudit({ audit, connections }),
    syncConfiguredOwners: new SyncConfiguredOwners({ owners, audit, clock }),
  };
}
