import type { AfasConnection } from '../domain/afas-connection';
import { isAfasError } from '../domain/afas-error';
import { AppError } from '../domain/app-error';
import type { UserKey } from '../domain/user-key';
import type { WorkItem, WorkItemKind } from '../domain/work-item';
import type { ActivationStore } from '../ports/activation-store';
import type { Clock } from '../ports/clock';
import type { ConnectionStore } from '../ports/connection-store';
import type { WorkItemSource } from '../ports/work-item-source';
import { connectionById } from './find-connection';

export interface MyWorkItems {
  readonly connection: AfasConnection;
  readonly kind: WorkItemKind;
  readonly items: readonly WorkItem[];
  readonly skipped: number;
}

export interface ListWorkItemsDeps {
  readonly activations: ActivationStore;
  readonly connections: ConnectionStore;
  readonly source: WorkItemSource;
  readonly clock: Clock;
}

/**
 * "My tasks" / "my signals": the user's own items, read with their own token. A 401 from AFAS
 * marks the activation invalid so every surface offers activation again.
 */
export class ListWorkItems {
  constructor(private readonly deps: ListWorkItemsDeps) {}

  async execute(user: UserKey, kind: WorkItemKind): Promise<MyWorkItems> {
    const activation = await this.deps.activations.get(user);
    if (!activation) throw new AppError('not_activated', 'This user has not activated AFAS for Teams yet.');
    if (activation.status === 'invalid') throw new AppError('activation_invalid', 'The AFAS activation of this user is no longer valid.');
    const token = await this.deps.activations.getToken(user);
    if (!token) throw new AppError('activation_invalid', 'The AFAS activation of this user has no token.');
    const connection = await connectionById(this.deps.connections, activation.connectionId);
    try {
      const list = await this.deps.source.list(connection, token, kind);
      return { connection, kind, items: list.items, skipped: list.skipped };
    } catch (error) {
      if (isAfasError(error, 'afas_unauthorized')) {
        await this.deps.activations.markInvalid(user, this.deps.clock.now());
      }
      throw error;
    }
  }

  /** Both lists at once (the summary): read in parallel, within the client's per-environment limit. */
  async both(user: UserKey): Promise<{ tasks: MyWorkItems; signals: MyWorkItems }> {
    const [tasks, signals] = await Promise.all([this.execute(user, 'task'), this.execute(user, 'signal')]);
    return { tasks, signals };
  }
}
