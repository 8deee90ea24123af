import type { AfasConnection } from '../domain/afas-connection';
import { isAfasError } from '../domain/afas-error';
import { AppError } from '../domain/app-error';
import type { UserKey } from '../domain/user-key';
import type { WorkItem, WorkItemKind } from '../domain/work-item';
import type { ActivationInUse, ActivationStore } from '../ports/activation-store';
import type { Clock } from '../ports/clock';
import type { WorkItemSource } from '../ports/work-item-source';

export interface MyWorkItems {
  readonly connection: AfasConnection;
  readonly kind: WorkItemKind;
  readonly items: readonly WorkItem[];
  readonly skipped: number;
  /** AFAS holds more than `items` (the row cap): its count is a lower bound ("500+"). */
  readonly truncated: boolean;
}

export interface ListWorkItemsDeps {
  readonly activations: ActivationStore;
  readonly source: WorkItemSource;
  readonly clock: Clock;
}

/**
 * "My tasks" / "my signals": the user's own items, read with their own token. A 401 from AFAS
 * marks the activation invalid so every surface offers activation again.
 */
export class ListWorkItems {
  constructor(private readonly deps: ListWorkItemsDeps) {}

  /**
   * `activation` hands over what the caller has read already this turn (`ActivationStore.getInUse`,
   * as the access check does), so the activation, token and connection cost one read per turn.
   */
  async execute(user: UserKey, kind: WorkItemKind, activation?: () => Promise<ActivationInUse | null>): Promise<MyWorkItems> {
    const inUse = await (activation ? activation() : this.deps.activations.getInUse(user));
    if (!inUse) throw new AppError('not_activated', 'This user has not activated AFAS for Teams yet.');
    if (inUse.activation.status === 'invalid') throw new AppError('activation_invalid', 'The AFAS activation of this user is no longer valid.');
    const { token, connection } = inUse;
    if (!token) throw new AppError('activation_invalid', 'The AFAS activation of this user has no token.');
    if (!connection || !connection.enabled) throw new AppError('no_connection', 'The AFAS connection this activation used is no longer available.');
    try {
      const list = await this.deps.source.list(connection, token, kind);
      return { connection, kind, items: list.items, skipped: list.skipped, truncated: list.truncated };
    } catch (error) {
      if (isAfasError(error, 'afas_unauthorized')) {
        await this.deps.activations.markInvalid(user, this.deps.clock.now());
      }
      throw error;
    }
  }

  /** Both lists at once (the summary): read in parallel, within the client's per-environment limit. */
  async both(user: UserKey, activation?: () => Promise<ActivationInUse | null>): Promise<{ tasks: MyWorkItems; signals: MyWorkItems }> {
    const read = activation ?? once(() => this.deps.activations.getInUse(user));
    const [tasks, signals] = await Promise.all([this.execute(user, 'task', read), this.execute(user, 'signal', read)]);
    return { tasks, signals };
  }
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
}
