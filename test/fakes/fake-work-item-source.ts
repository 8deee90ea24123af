import type { AfasConnection } from '../../src/domain/afas-connection';
import type { WorkItem, WorkItemKind } from '../../src/domain/work-item';
import type { WorkItemList, WorkItemSource } from '../../src/ports/work-item-source';

/** Work items by token, without AFAS: for tests about many users where AFAS is not the subject. */
export class FakeWorkItemSource implements WorkItemSource {
  private readonly items = new Map<string, WorkItem[]>();
  reads = 0;

  add(token: string, item: WorkItem): void {
    this.items.set(token, [item, ...(this.items.get(token) ?? [])]);
  }

  async list(_connection: AfasConnection, token: string, kind: WorkItemKind): Promise<WorkItemList> {
    this.reads += 1;
    return { items: (this.items.get(token) ?? []).filter((item) => item.kind === kind), skipped: 0, truncated: false };
  }
}
