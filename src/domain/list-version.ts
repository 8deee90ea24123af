import type { WorkItem } from './work-item';

/**
 * A short fingerprint of a list's items (their ids, in order): a card carries it in its buttons'
 * data, so a click on an old card can tell that the list changed since. Not a security measure:
 * FNV-1a, 32 bits, as hex.
 */
export function listVersion(items: readonly Pick<WorkItem, 'id'>[]): string {
  let hash = 0x811c9dc5;
  for (const id of items.map((item) => item.id).join('\n')) {
    hash ^= id.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
