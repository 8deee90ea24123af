import type { AdminApi, ConnectionAuthChanges, ConnectionChanges } from '../../tab/admin/admin-api';
import type { AccessMode, AccessRule, AdminConnection, AdminMe, AdminOwner, AuditEvent, ClassicInvite, ConnectionAuth, ConnectionCheck } from '../../contracts/admin-api';
import { TabApiError } from '../../tab/api-client';
import type { ApiProblem } from '../../contracts/tab-api';

type Method = keyof AdminApi;
type Result<M extends Method> = Awaited<ReturnType<AdminApi[M]>>;
type Answer<M extends Method> = Result<M> | TabApiError | ((...args: Parameters<AdminApi[M]>) => Result<M> | TabApiError);

/**
 * The admin API, by hand: each call is recorded (method and arguments) and takes the next scripted
 * answer for its method (the last one again when only one is left).
 */
export class FakeAdminApi implements AdminApi {
  readonly calls: { readonly method: Method; readonly args: readonly unknown[] }[] = [];
  private readonly answers = new Map<Method, unknown[]>();

  answer<M extends Method>(method: M, ...answers: Answer<M>[]): this {
    this.answers.set(method, [...(this.answers.get(method) ?? []), ...answers]);
    return this;
  }

  /** Calls made, by method name. */
  get methods(): Method[] {
    return this.calls.map((c) => c.method);
  }

  /** The arguments of the last call of a method. */
  last<M extends Method>(method: M): Parameters<AdminApi[M]> {
    const call = [...this.calls].reverse().find((c) => c.method === method);
    if (!call) throw new Error(`FakeAdminApi: ${method} was not called`);
    return call.args as Parameters<AdminApi[M]>;
  }

  me(): Promise<AdminMe | null> {
    return this.take('me', []);
  }
  connections(): Promise<AdminConnection[]> {
    return this.take('connections', []);
  }
  createConnection(input: ConnectionChanges): Promise<AdminConnection> {
    return this.take('createConnection', [input]);
  }
  updateConnection(id: string, changes: ConnectionChanges): Promise<AdminConnection> {
    return this.take('updateConnection', [id, changes]);
  }
  removeConnection(id: string): Promise<void> {
    return this.take('removeConnection', [id]);
  }
  setDefaultConnection(id: string): Promise<AdminConnection> {
    return this.take('setDefaultConnection', [id]);
  }
  testConnection(id: string): Promise<ConnectionCheck> {
    return this.take('testConnection', [id]);
  }
  accessRule(connectionId: string): Promise<AccessRule> {
    return this.take('accessRule', [connectionId]);
  }
  setAccessRule(connectionId: string, rule: { mode: AccessMode; users: string[] }): Promise<AccessRule> {
    return this.take('setAccessRule', [connectionId, rule]);
  }
  owners(): Promise<AdminOwner[]> {
    return this.take('owners', []);
  }
  addOwner(upn: string): Promise<AdminOwner> {
    return this.take('addOwner', [upn]);
  }
  removeOwner(upn: string, everyTenant: boolean): Promise<void> {
    return this.take('removeOwner', [upn, everyTenant]);
  }
  audit(page: { limit: number; beforeId?: number }): Promise<AuditEvent[]> {
    return this.take('audit', [page]);
  }

  connectionAuth(id: string): Promise<ConnectionAuth> {
    return this.take('connectionAuth', [id]);
  }
  setConnectionAuth(id: string, changes: ConnectionAuthChanges): Promise<ConnectionAuth> {
    return this.take('setConnectionAuth', [id, changes]);
  }
  inviteClassicUsers(id: string): Promise<ClassicInvite> {
    return this.take('inviteClassicUsers', [id]);
  }

  private async take<T>(method: Method, args: unknown[]): Promise<T> {
    // A copy: the screen must not be able to change what the test later inspects.
    this.calls.push({ method, args: JSON.parse(JSON.stringify(args)) as unknown[] });
    const list = this.answers.get(method) ?? [];
    if (list.length === 0) throw new Error(`FakeAdminApi: no answer scripted for ${method}`);
    const next = list.length > 1 ? list.shift() : list[0];
    const value = typeof next === 'function' ? (next as (...a: unknown[]) => unknown)(...args) : next;
    if (value instanceof TabApiError) throw value;
    return JSON.parse(JSON.stringify(value ?? null)) as T;
  }
}

export function refusal(status: number, problem: ApiProblem): TabApiError {
  return new TabApiError(status, problem);
}
