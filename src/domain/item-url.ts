import type { AfasConnection } from './afas-connection';
import { fillLinkTemplate } from './link-template';
import type { WorkItem } from './work-item';

/** The part of a connection that decides where "Open" on an item goes. */
export type ItemLinkSettings = Pick<AfasConnection, 'taskUrlTemplate' | 'signalUrlTemplate' | 'defaultTasksUrl' | 'useDefaultTasksUrl'>;

/**
 * Longer links are not worth the card space (and some clients cut them); the overview is a better
 * landing place than a truncated deep link.
 */
export const MAX_ITEM_URL_LENGTH = 2048;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Where "Open" on an item leads. There is no public AFAS deep-link format, so: the kind's link
 * template filled from the item's row; the default tasks URL (InSite's overview) when the admin
 * forces it, when there is no template, when the row lacks a field the template needs, or when
 * the result is not a usable http(s) URL.
 */
export function itemUrl(item: Pick<WorkItem, 'kind' | 'fields'>, settings: ItemLinkSettings): string {
  if (settings.useDefaultTasksUrl) return settings.defaultTasksUrl;
  const template = item.kind === 'task' ? settings.taskUrlTemplate : settings.signalUrlTemplate;
  if (template === null || template.trim() === '') return settings.defaultTasksUrl;
  const filled = fillLinkTemplate(template.trim(), item.fields);
  if (filled === null || filled.length > MAX_ITEM_URL_LENGTH || !isHttpUrl(filled)) return settings.defaultTasksUrl;
  return filled;
}

/** `itemUrl` bound to one connection, in the shape the card builders take. */
export function itemUrlResolver(settings: ItemLinkSettings): (item: WorkItem) => string {
  return (item) => itemUrl(item, settings);
}
