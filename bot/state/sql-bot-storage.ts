import type { Storage, StoreItems } from 'botbuilder';
import type { StateChange, StateStore } from '../../src/ports/state-store';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * botbuilder's `Storage` over the `StateStore` port, so conversation and dialog state live in the
 * product's database and survive restarts. Semantics follow botbuilder's MemoryStorage: the item's
 * `eTag` is the expected version; `*`, empty or missing writes unconditionally; a stale one throws
 * (`storage_etag_conflict`). Reads hand back fresh objects (JSON round-trip) carrying the new eTag.
 * One difference, on purpose: writing with an eTag to a key that was deleted meanwhile is a conflict,
 * as it is for botbuilder's durable stores, rather than a silent re-create.
 */
export class SqlBotStorage implements Storage {
  constructor(private readonly state: StateStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found = await this.state.read(keys);
    const items: StoreItems = {};
    for (const [key, item] of Object.entries(found)) {
      items[key] = isObject(item.value) ? { ...item.value, eTag: item.eTag } : item.value;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const writes: StateChange[] = Object.entries(changes).map(([key, item]: [string, unknown]) => {
      if (!isObject(item)) return { key, value: item };
      const { eTag, ...value } = item;
      return typeof eTag === 'string' && eTag !== '' ? { key, value, expectedETag: eTag } : { key, value };
    });
    await this.state.write(writes);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.state.delete(keys);
  }
}
