import { z } from 'zod';
import { userKeyString, type UserKey } from '../domain/user-key';
import type { WorkItem, WorkItemKind } from '../domain/work-item';
import type { Clock } from '../ports/clock';
import type { StateStore } from '../ports/state-store';

/** Enough for anyone's open items; the oldest opened drop off first. */
export const MAX_REMEMBERED_OPENS = 1000;

const openedSchema = z.record(z.string(), z.number());

/**
 * Which items a user opened from Teams. AFAS does not learn that an item was opened (its `opened`
 * field stays as it was), so the product remembers it per user and shows such items as read.
 */
export class OpenedItems {
  constructor(private readonly deps: { readonly state: StateStore; readonly clock: Clock }) {}

  private key(user: UserKey): string {
    return `opened-items/${userKeyString(user)}`;
  }

  private async read(user: UserKey): Promise<Record<string, number>> {
    const parsed = openedSchema.safeParse((await this.deps.state.read([this.key(user)]))[this.key(user)]?.value);
    return parsed.success ? parsed.data : {};
  }

  async mark(user: UserKey, kind: WorkItemKind, id: string): Promise<void> {
    const opened = { ...(await this.read(user)), [`${kind}:${id}`]: this.deps.clock.now().getTime() };
    const newest = Object.entries(opened).sort((a, b) => b[1] - a[1]).slice(0, MAX_REMEMBERED_OPENS);
    await this.deps.state.write([{ key: this.key(user), value: Object.fromEntries(newest) }]);
  }

  /** The items with those the user opened from Teams marked as read. */
  async applyTo(user: UserKey, items: readonly WorkItem[]): Promise<WorkItem[]> {
    const opened = await this.read(user);
    return items.map((item) => (item.unread && opened[`${item.kind}:${item.id}`] !== undefined ? { ...item, unread: false } : item));
  }
}
