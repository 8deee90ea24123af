import { itemUrl } from '../domain/item-url';
import type { WorkItem } from '../domain/work-item';
import type { Tile, TileList } from '../use-cases/get-tile';
import { MAX_TILE_ITEMS, type ItemView, type ListView, type TileResponse } from '../../contracts/tab-api';
import type { AfasConnection } from '../domain/afas-connection';
import { failureView } from './tab-failure';

/**
 * The tile as the browser gets it. Links are resolved here with the bot's link rule (template,
 * else the default tasks URL), so the browser never sees a row or a template. Text stays text:
 * the browser renders it with textContent.
 */
export function tileView(tile: Tile, now: Date): TileResponse {
  const connection = tile.tasks.ok ? tile.tasks.list.connection : tile.signals.ok ? tile.signals.list.connection : null;
  return {
    state: 'tile',
    firstList: tile.preferences.firstList,
    language: tile.preferences.language,
    openAfasUrl: connection?.insiteUrl ?? '',
    tasks: listView(tile.tasks, now),
    signals: listView(tile.signals, now),
  };
}

function listView(outcome: TileList, now: Date): ListView {
  if (!outcome.ok) return { ok: false, failure: failureView(outcome.error, now) };
  const { items, connection } = outcome.list;
  return {
    ok: true,
    items: items.slice(0, MAX_TILE_ITEMS).map((item) => itemView(item, connection)),
    total: items.length,
    unread: items.filter((item) => item.unread).length,
    ...(outcome.list.truncated ? { truncated: true } : {}),
  };
}

function itemView(item: WorkItem, connection: AfasConnection): ItemView {
  return { id: item.id, title: item.title, from: item.from, date: item.date?.toISOString() ?? null, unread: item.unread, type: item.type, url: itemUrl(item, connection), ...(item.kind === 'task' && item.subjectId ? { subjectId: item.subjectId } : {}) };
}
