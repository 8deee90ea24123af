import type { Request } from 'restify';
import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import type { Core } from '../../src/composition/core';
import { buildUseCases } from '../../src/composition/use-cases';
import { AppError } from '../../src/domain/app-error';
import type { AdminAuthenticator } from '../../src/http/admin-auth';
import { registerAdminRoutes } from '../../src/http/admin-routes';
import { HttpServer } from '../../src/http/http-server';
import type { Storage } from '../../src/ports/storage';
import type { AdminServices } from '../../src/use-cases/admin/admin-services';
import { registerDefaultConnection } from '../../src/use-cases/register-default-connection';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { openTestCore } from '../support/test-core';

export const TENANT_A = '11111111-1111-4111-8111-111111111111';
export const TENANT_B = '22222222-2222-4222-8222-222222222222';

/** Callers of the admin API, as the (faked) SSO validation would say. */
export const PEOPLE = {
  olga: { tenantId: TENANT_A, aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', upn: 'olga.owner@contoso.nl', upnSource: 'upn' as const },
  piet: { tenantId: TENANT_A, aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002', upn: 'piet.user@contoso.nl', upnSource: 'upn' as const },
  bram: { tenantId: TENANT_B, aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000001', upn: 'bram.owner@fabrikam.nl', upnSource: 'upn' as const },
  oscar: { tenantId: TENANT_A, aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000009', upn: 'oscar@operator.nl', upnSource: 'upn' as const },
};
export type Person = keyof typeof PEOPLE;

/** Keys an admin types (32 hex, like AFAS's); never the sandbox's own, so a leak of these is unmistakable. */
export const SECRET_API_KEY = 'c0ffee00c0ffee00c0ffee00c0ffee01';
export const SECRET_ENV_KEY = 'decaf000decaf000decaf000decaf002';

/**
 * The admin API over real parts: restify on port 0, SQLite in memory, the AFAS client against a
 * standalone sandbox. Only the Teams SSO check is replaced: the `x-test-caller` header names a person.
 */
export class AdminHarness {
  private constructor(
    readonly http: HttpServer,
    readonly origin: string,
    readonly storage: Storage,
    readonly sandbox: AfasSandbox,
    readonly sandboxBaseUrl: string,
    readonly logger: RecordingLogger,
    readonly clock: FakeClock,
    readonly admin: AdminServices,
    private readonly core: Core,
  ) {}

  /**
   * `allowedBaseUrls` is the operator's AFAS_ALLOWED_BASE_URLS; by default the standalone sandbox, so
   * owners may point connections at it as they would at AFAS Online. `homeTenantId` is MicrosoftAppTenantId.
   */
  static async start(options: { authenticate?: AdminAuthenticator; allowedBaseUrls?: (sandboxBaseUrl: string) => readonly string[]; homeTenantId?: string } = {}): Promise<AdminHarness> {
    const clock = new FakeClock('2026-03-02T08:00:00Z');
    const logger = new RecordingLogger();
    const sandbox = new AfasSandbox({ clock });
    const { baseUrl } = await sandbox.listen(0);
    let counter = 0;
    const allowedBaseUrls = options.allowedBaseUrls ? options.allowedBaseUrls(baseUrl) : [baseUrl];
    const env = { AFAS_ALLOWED_BASE_URLS: allowedBaseUrls.join(','), ...(options.homeTenantId ? { MicrosoftAppTenantId: options.homeTenantId } : {}) };
    const core = await openTestCore({ clock, logger, afasBaseUrl: baseUrl, env, encryptionKey: Buffer.alloc(32, 9), defaultConnection: false });
    const { admin } = buildUseCases(core, { notifications: { wake: async () => undefined }, newId: () => `id${++counter}` });
    const storage = core.storage;
    const http = new HttpServer({ logger, readiness: () => storage.ping() });
    registerAdminRoutes(http, { authenticate: options.authenticate ?? headerCaller, admin, logger });
    const { origin } = await http.listen(0, '127.0.0.1');
    return new AdminHarness(http, origin, storage, sandbox, baseUrl, logger, clock, admin, core);
  }

  /** The AFAS_* connection every tenant shares (id `default`), as at startup. */
  async registerSharedDefault(): Promise<void> {
    await registerDefaultConnection(this.storage.connections, this.clock, {
      name: 'AFAS',
      environment: 'O12345AA',
      baseUrl: this.sandboxBaseUrl,
      insiteUrl: 'https://12345.afasinsite.nl',
      secrets: { apiKey: DEMO_API_KEY, environmentKey: DEMO_ENVIRONMENT_KEY },
      tasksConnector: 'Teams_Tasks',
      signalsConnector: 'Teams_Signals',
      taskUrlTemplate: null,
      signalUrlTemplate: null,
      defaultTasksUrl: 'https://12345.afasinsite.nl',
      useDefaultTasksUrl: false,
      taskActions: { enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' },
    });
  }

  async addOwner(person: Person, tenantId: string | null = PEOPLE[person].tenantId, source: 'added' | 'config' = 'added'): Promise<void> {
    await this.storage.owners.add({ tenantId, upn: PEOPLE[person].upn, aadObjectId: null, displayName: null, source, addedBy: 'test', addedAt: this.clock.now() });
  }

  /** Activates `person` against a connection as the bot would, with a token the sandbox issued. */
  async activate(person: Person, connectionId: string, afasUserId = 'jan.devries@horizon-groep.example'): Promise<void> {
    const who = PEOPLE[person];
    await this.storage.activations.save({ user: { tenantId: who.tenantId, aadObjectId: who.aadObjectId }, connectionId, afasUserId, activatedAt: this.clock.now() }, this.sandbox.issueToken(afasUserId));
  }

  async call(person: Person | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; text: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (person) headers['x-test-caller'] = person;
    const res = await fetch(`${this.origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown), text };
  }

  async auditActions(): Promise<string[]> {
    return (await this.storage.audit.list({ limit: 500 })).map((e) => e.action).reverse();
  }

  async close(): Promise<void> {
    await this.http.close(100);
    await this.sandbox.close();
    await this.core.close();
  }
}

const headerCaller: AdminAuthenticator = async (req: Request) => {
  const name = req.headers['x-test-caller'];
  if (typeof name !== 'string' || !(name in PEOPLE)) throw new AppError('unauthenticated', 'Sign in with Teams first.');
  return PEOPLE[name as Person];
};
