import type { AfasConnection } from '../../domain/afas-connection';
import type { UserKey } from '../../domain/user-key';
import type { AfasClientFactory } from '../../ports/afas-client';
import type { Notifier } from '../../ports/notifier';
import type { Clock } from '../../ports/clock';
import type { Storage } from '../../ports/storage';
import { AddOwner } from './add-owner';
import { AuditTrail } from './audit-trail';
import { AuthorizeAdmin } from './authorize-admin';
import { BaseUrlPolicy } from './base-url-policy';
import { GetAccessRule } from './get-access-rule';
import { GetConnection } from './get-connection';
import { GetConnectionAuth } from './get-connection-auth';
import { InviteClassicUsers } from './invite-classic-users';
import { ListConnectionUsers } from './list-connection-users';
import { SetConnectionAuth } from './set-connection-auth';
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
  /** How a connection's users sign in to AFAS (classic, OAuth, both) and how many use each. */
  readonly getConnectionAuth: GetConnectionAuth;
  readonly setConnectionAuth: SetConnectionAuth;
  readonly listConnectionUsers: ListConnectionUsers;
  readonly inviteClassicUsers: InviteClassicUsers;
}

export interface AdminServiceDeps {
  readonly storage: Pick<Storage, 'connections' | 'activations' | 'accessRules' | 'owners' | 'audit' | 'connectionOAuth' | 'conversations' | 'preferences' | 'deliveries'>;
  readonly afas: AfasClientFactory;
  readonly clock: Clock;
  /** A short random suffix for new connection ids. */
  readonly newId: () => string;
  /** MicrosoftAppTenantId: the app's own tenant (see AuthorizeAdmin). */
  readonly homeTenantId?: string | null;
  /** AFAS_ALLOWED_BASE_URLS: base URLs other than AFAS Online that app owners may use (see BaseUrlPolicy). */
  readonly allowedBaseUrls?: readonly string[];
  /** PUBLIC_URL: the OAuth redirect URI admins register in AFAS is made from it. */
  readonly publicUrl: string;
  /** Sends the OAuth invitations (the notification stack's notifier). */
  readonly notifier: Notifier;
  /** The signed start link of a user's OAuth sign-in (SignInStarts). */
  readonly startLink: (user: UserKey, connection: AfasConnection) => string;
}

export function createAdminServices(deps: AdminServiceDeps): AdminServices {
  const { storage, afas, clock } = deps;
  const { connections, activations, accessRules, owners, audit } = storage;
  const trail = new AuditTrail(audit, clock);
  const auth = { connections, activations, connectionOAuth: storage.connectionOAuth, clock, publicUrl: deps.publicUrl };
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
    getConnectionAuth: new GetConnectionAuth(auth),
    setConnectionAuth: new SetConnectionAuth({ ...auth, trail }),
    listConnectionUsers: new ListConnectionUsers({ connections, activations }),
    inviteClassicUsers: new InviteClassicUsers({ ...auth, conversations: storage.conversations, preferences: storage.preferences, deliveries: storage.deliveries, notifier: deps.notifier, startLink: deps.startLink, trail }),
  };
}
