import type { Activation } from '../domain/activation';
import type { AfasConnection } from '../domain/afas-connection';
import { isAfasError } from '../domain/afas-error';
import { isAppError } from '../domain/app-error';
import type { UserKey } from '../domain/user-key';
import type { WorkItemKind } from '../domain/work-item';
import type { ActivationStore } from '../ports/activation-store';
import type { AfasAvailability } from '../ports/afas-availability';
import type { Clock } from '../ports/clock';
import type { ConnectionStore } from '../ports/connection-store';
import type { WorkItemList, WorkItemSource } from '../ports/work-item-source';
import { connectionById } from './find-connection';

/** AFAS answered 503 without saying for how long: try that environment again after this. */
export const DEFAULT_MAINTENANCE_PAUSE_MS = 5 * 60_000;

export interface ReadUserWorkDeps {
  readonly activations: ActivationStore;
  readonly connections: ConnectionStore;
  readonly source: WorkItemSource;
  readonly availability: AfasAvailability;
  readonly clock: Clock;
  /** The admin's access list: a user it denies is never read (no AFAS call); absent = everyone. */
  readonly mayUse?: (user: UserKey) => Promise<boolean>;
}

export type UserWorkRead =
  | { readonly status: 'ok'; readonly connection: AfasConnection; readonly lists: ReadonlyMap<WorkItemKind, WorkItemList> }
  /** AFAS refused the token (401): the activation is now marked invalid. */
  | { readonly status: 'invalid' }
  /** The environment is in maintenance (503) until then; nothing was read. */
  | { readonly status: 'paused'; readonly until: Date }
  /** Anything else (AFAS 500, timeout, network, a connection that is gone): try later. */
  | { readonly status: 'failed'; readonly code: string; readonly profitLogReference?: string };

/**
 * Reads a user's lists of the given kinds with their own token, the way a background job must:
 * not while their environment is paused, all kinds or none (a poll never acts on half a picture),
 * a 401 marks the activation invalid, a 503 pauses the whole environment.
 */
export async function readUserWork(deps: ReadUserWorkDeps, user: UserKey, activation: Activation, kinds: readonly WorkItemKind[]): Promise<UserWorkRead> {
  if (deps.mayUse && !(await deps.mayUse(user))) return { status: 'failed', code: 'access_denied' };
  let connection: AfasConnection;
  try {
    connection = await connectionById(deps.connections, activation.connectionId);
  } catch (error) {
    if (isAppError(error, 'no_connection')) return { status: 'failed', code: 'no_connection' };
    throw error;
  }
  const pausedUntil = await deps.availability.pausedUntil(connection.baseUrl, deps.clock.now());
  if (pausedUntil) return { status: 'paused', until: pausedUntil };
  const token = await deps.activations.getToken(user);
  if (!token) return { status: 'invalid' };
  try {
    const lists = await Promise.all(kinds.map(async (kind) => [kind, await deps.source.list(connection, token, kind)] as const));
    return { status: 'ok', connection, lists: new Map(lists) };
  } catch (error) {
    if (!isAfasError(error)) throw error;
    const now = deps.clock.now();
    if (error.code === 'afas_unauthorized') {
      await deps.activations.markInvalid(user, now);
      return { status: 'invalid' };
    }
    if (error.code === 'afas_unavailable' && error.status === 503) {
      const until = new Date(now.getTime() + (error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : DEFAULT_MAINTENANCE_PAUSE_MS));
      await deps.availability.pause(connection.baseUrl, until);
      return { status: 'paused', until };
    }
    return { status: 'failed', code: error.code, profitLogReference: error.profitLogReference };
  }
}
