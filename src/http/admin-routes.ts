import type { Request, Response } from 'restify';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import type { Logger } from '../ports/logger';
import type { AdminScope } from '../use-cases/admin/admin-scope';
import type { AdminServices } from '../use-cases/admin/admin-services';
import type { AdminAuthenticator } from './admin-auth';
import { adminProblem, sendAdminJson } from './admin-errors';
import type { HttpServer } from './http-server';

export interface AdminApiDeps {
  readonly authenticate: AdminAuthenticator;
  readonly admin: AdminServices;
  readonly logger: Logger;
}

type Answer = { readonly status: number; readonly body: unknown };
type Handler = (scope: AdminScope, req: Request) => Promise<Answer>;

const jsonObject = z.record(z.string(), z.unknown());
const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), beforeId: z.coerce.number().int().positive().optional() });
const flag = z.object({ everyTenant: z.enum(['true', 'false']).optional() });

/** The request body as an object; the use case checks its fields. */
function body(req: Request): Record<string, unknown> {
  const result = jsonObject.safeParse(req.body ?? {});
  if (!result.success) throw new AppError('bad_request', 'The request body must be a JSON object.');
  return result.data;
}

function query<T>(schema: z.ZodType<T>, req: Request): T {
  const result = schema.safeParse(req.query ?? {});
  if (!result.success) throw new AppError('bad_request', `The query string is not valid: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}.`);
  return result.data;
}

const param = (req: Request, name: string): string => String((req.params as Record<string, unknown>)[name] ?? '');

/**
 * `/api/admin/*`: connections, connection check, access, owners and audit, for app owners. Every
 * call is authenticated with the tab's Teams SSO token and then checked against the owners list;
 * bodies are validated by the use cases; secrets are accepted, never returned or logged.
 */
export function registerAdminRoutes(http: HttpServer, deps: AdminApiDeps): void {
  const server = http.restify;
  const { admin, logger } = deps;
  const route = (handler: Handler) => async (req: Request, res: Response) => {
    let actor: string | undefined;
    try {
      const scope = await admin.authorize.execute(await deps.authenticate(req));
      actor = scope.actor;
      const answer = await handler(scope, req);
      if (req.method !== 'GET') logger.info({ requestId: req.getId(), actor, method: req.method, route: String(req.getRoute()?.path ?? '') }, 'admin change');
      sendAdminJson(res, answer.status, answer.body);
    } catch (error) {
      const problem = adminProblem(error);
      if (!problem) throw error;
      logger.warn({ requestId: req.getId(), actor, code: problem.body.code, status: problem.status }, 'admin request refused');
      if (problem.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(problem.retryAfterSeconds));
      sendAdminJson(res, problem.status, problem.body);
    }
  };
  const ok = (body: unknown): Answer => ({ status: 200, body });

  // The tab asks on every load whether to show "Admin": a plain answer for everyone, so a user who
  // is no owner causes no 403 in the browser console and no warning in the log.
  server.get('/api/admin/role', async (req: Request, res: Response) => {
    try {
      const scope = await admin.authorize.execute(await deps.authenticate(req));
      sendAdminJson(res, 200, { owner: true, tenantId: scope.tenantId, actor: scope.actor, everyTenant: scope.everyTenant });
    } catch (error) {
      const problem = adminProblem(error);
      if (!problem) throw error;
      const notOwner = problem.body.code === 'forbidden';
      if (!notOwner) logger.warn({ requestId: req.getId(), code: problem.body.code, status: problem.status }, 'admin request refused');
      sendAdminJson(res, notOwner ? 200 : problem.status, notOwner ? { owner: false } : problem.body);
    }
  });
  server.get('/api/admin/me', route(async (scope) => ok({ tenantId: scope.tenantId, actor: scope.actor, everyTenant: scope.everyTenant })));

  server.get('/api/admin/connections', route(async (scope) => ok({ connections: await admin.listConnections.execute(scope) })));
  server.post('/api/admin/connections', route(async (scope, req) => ({ status: 201, body: await admin.saveConnection.create(scope, body(req)) })));
  server.get('/api/admin/connections/:id', route(async (scope, req) => ok(await admin.getConnection.execute(scope, param(req, 'id')))));
  server.patch('/api/admin/connections/:id', route(async (scope, req) => ok(await admin.saveConnection.update(scope, param(req, 'id'), body(req)))));
  server.del('/api/admin/connections/:id', route(async (scope, req) => {
    await admin.removeConnection.execute(scope, param(req, 'id'));
    return { status: 204, body: null };
  }));
  server.put('/api/admin/connections/:id/secrets', route(async (scope, req) => ok(await admin.setConnectionSecrets.execute(scope, param(req, 'id'), body(req)))));
  server.post('/api/admin/connections/:id/default', route(async (scope, req) => ok(await admin.setDefaultConnection.execute(scope, param(req, 'id')))));
  server.post('/api/admin/connections/:id/test', route(async (scope, req) => ok(await admin.testConnection.execute(scope, param(req, 'id')))));
  server.get('/api/admin/connections/:id/access', route(async (scope, req) => ok(await admin.getAccessRule.execute(scope, param(req, 'id')))));
  server.put('/api/admin/connections/:id/access', route(async (scope, req) => ok(await admin.setAccessRule.execute(scope, param(req, 'id'), body(req)))));
  server.get('/api/admin/connections/:id/auth', route(async (scope, req) => ok(await admin.getConnectionAuth.execute(scope, param(req, 'id')))));
  server.put('/api/admin/connections/:id/auth', route(async (scope, req) => ok(await admin.setConnectionAuth.execute(scope, param(req, 'id'), body(req)))));
  server.post('/api/admin/connections/:id/auth/invite', route(async (scope, req) => ok(await admin.inviteClassicUsers.execute(scope, param(req, 'id')))));
  server.get('/api/admin/connections/:id/users', route(async (scope, req) => ok({ users: await admin.listConnectionUsers.execute(scope, param(req, 'id')) })));

  server.get('/api/admin/owners', route(async (scope) => ok({ owners: await admin.listOwners.execute(scope) })));
  server.post('/api/admin/owners', route(async (scope, req) => ({ status: 201, body: await admin.addOwner.execute(scope, body(req)) })));
  server.del('/api/admin/owners/:upn', route(async (scope, req) => {
    await admin.removeOwner.execute(scope, param(req, 'upn'), { everyTenant: query(flag, req).everyTenant === 'true' });
    return { status: 204, body: null };
  }));

  server.get('/api/admin/audit', route(async (scope, req) => ok({ events: await admin.listAudit.execute(scope, query(auditQuery, req)) })));
}
