import { type FilterGroups, parseFilterLists } from './filter-condition';
import { parseFilterJson } from './filter-json-parser';
import { refusals } from './sandbox-http-error';

export interface OrderKey {
  readonly field: string;
  readonly descending: boolean;
}

/** A GetConnector request's query string, read. */
export interface ConnectorQuery {
  /** As asked (echoed in the answer); -1 = AFAS's "from the start". */
  readonly skip: number;
  /** As asked (echoed in the answer); -1 = AFAS's "all rows". */
  readonly take: number;
  readonly orderBy: readonly OrderKey[];
  readonly filters: FilterGroups;
}

export const DEFAULT_TAKE = 100;

function count(name: string, text: string | null, fallback: number): number {
  if (text === null) return fallback;
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < -1) throw refusals.badRequest(`${name} must be a whole number of 0 or more (or -1)`);
  return n;
}

/**
 * Reads skip, take, orderbyfieldids and the filters. Parameter names are case-insensitive, as they
 * are for Profit's .NET host.
 *
 * AFAS documents that paging needs a sort order but not what it does without one; the sandbox
 * answers 400 whenever skip or take is given without `orderbyfieldids`, so a client that pages
 * without sorting fails in tests. `skip=-1&take=-1` (AFAS's idiom for "everything", used by many
 * integrations without a sort) is the one exception: it does not page.
 */
export function parseConnectorQuery(search: URLSearchParams): ConnectorQuery {
  const params = new Map<string, string>();
  for (const [key, value] of search) params.set(key.toLowerCase(), value);
  const get = (name: string): string | null => params.get(name) ?? null;

  const skip = count('skip', get('skip'), 0);
  const take = count('take', get('take'), DEFAULT_TAKE);
  const orderBy = (get('orderbyfieldids') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '-')
    .map((part) => (part.startsWith('-') ? { field: part.slice(1).trim(), descending: true } : { field: part, descending: false }));
  const pages = (get('skip') !== null && skip !== -1) || (get('take') !== null && take !== -1);
  if (pages && orderBy.length === 0) throw refusals.badRequest('orderbyfieldids is required when skip or take is used');

  const json = get('filterjson');
  const listsGiven = ['filterfieldids', 'filtervalues', 'operatortypes'].some((name) => get(name) !== null);
  if (json !== null && listsGiven) throw refusals.badRequest('use either filterjson or filterfieldids/filtervalues/operatortypes');
  const filters = json !== null ? parseFilterJson(json) : parseFilterLists(get('filterfieldids'), get('filtervalues'), get('operatortypes'));
  return { skip, take, orderBy, filters };
}
