import { AfasError } from '../domain/afas-error';
import { formatAfasDate } from '../domain/amsterdam-time';
import type { AfasFilter, ConnectorQuery } from '../ports/afas-client';

/** AFAS answers a longer query string with 404 (not 400), so it is refused before sending. */
export const MAX_QUERY_STRING_CHARS = 2049;

// Characters that separate entries (`,` = AND) and groups (`;` = OR) in AFAS's parallel lists.
const LIST_SEPARATORS = /[,;]/;

/** A filter value as AFAS reads it: dates as Amsterdam wall clock without the `Z`. */
export function filterValueText(value: AfasFilter['value']): string {
  if (value === undefined) return '';
  if (value instanceof Date) return formatAfasDate(value);
  return String(value);
}

function refuse(endpoint: string, problem: string): never {
  throw new AfasError('afas_bad_request', `Refusing to call AFAS ${endpoint}: ${problem}`, { endpoint });
}

function checkFieldId(endpoint: string, fieldId: string, role: string): void {
  const bare = fieldId.startsWith('-') ? fieldId.slice(1) : fieldId;
  if (bare.trim() === '' || LIST_SEPARATORS.test(bare)) {
    refuse(endpoint, `the ${role} field id "${fieldId}" is empty or contains "," or ";"`);
  }
}

function pagingPart(endpoint: string, query: ConnectorQuery): string[] {
  const parts: string[] = [];
  const orderBy = query.orderBy ?? [];
  const pages = query.skip !== undefined || query.take !== undefined;
  if (query.skip !== undefined) {
    if (!Number.isInteger(query.skip) || query.skip < 0) refuse(endpoint, 'skip must be a whole number of 0 or more');
    parts.push(`skip=${query.skip}`);
  }
  if (query.take !== undefined) {
    if (!Number.isInteger(query.take) || query.take < 1) refuse(endpoint, 'take must be a whole number of 1 or more');
    parts.push(`take=${query.take}`);
  }
  // AFAS pages unpredictably without an ordering; failing here beats silently duplicated rows.
  if (pages && orderBy.length === 0) refuse(endpoint, 'paging with skip/take needs orderBy (AFAS requires orderbyfieldids)');
  for (const fieldId of orderBy) checkFieldId(endpoint, fieldId, 'orderBy');
  if (orderBy.length > 0) parts.push(`orderbyfieldids=${orderBy.map(encodeURIComponent).join(',')}`);
  return parts;
}

/** `{"Filters":{"Filter":[...]}}`: Filter entries are OR-ed, the Fields inside one are AND-ed. */
export function filterJson(groups: readonly (readonly AfasFilter[])[]): string {
  return JSON.stringify({
    Filters: {
      Filter: groups.map((group, index) => ({
        '@FilterId': `Filter ${index + 1}`,
        Field: group.map((filter) => ({
          '@FieldId': filter.field,
          '@OperatorType': String(filter.operator),
          ...(filter.value === undefined ? {} : { '#text': filterValueText(filter.value) }),
        })),
      })),
    },
  });
}

function filterPart(endpoint: string, query: ConnectorQuery): string[] {
  const groups = (query.filters ?? []).filter((group) => group.length > 0);
  if (groups.length === 0) return [];
  for (const filter of groups.flat()) checkFieldId(endpoint, filter.field, 'filter');
  // A value with `,` or `;` cannot be told apart from a separator, so the whole filter goes as JSON.
  if (groups.flat().some((filter) => LIST_SEPARATORS.test(filterValueText(filter.value)))) {
    return [`filterjson=${encodeURIComponent(filterJson(groups))}`];
  }
  const list = (pick: (filter: AfasFilter) => string) =>
    groups.map((group) => group.map((filter) => encodeURIComponent(pick(filter))).join(',')).join(';');
  return [
    `filterfieldids=${list((f) => f.field)}`,
    `filtervalues=${list((f) => filterValueText(f.value))}`,
    `operatortypes=${list((f) => String(f.operator))}`,
  ];
}

/**
 * The encoded query string (without `?`) for a GetConnector call. Separators stay literal so the
 * length AFAS measures is the length checked here.
 */
export function buildConnectorQueryString(query: ConnectorQuery, endpoint: string): string {
  const text = [...pagingPart(endpoint, query), ...filterPart(endpoint, query)].join('&');
  if (text.length > MAX_QUERY_STRING_CHARS) {
    throw new AfasError(
      'afas_query_too_long',
      `The query for AFAS ${endpoint} is ${text.length} characters; AFAS refuses more than ${MAX_QUERY_STRING_CHARS}. Use fewer or shorter filters`,
      { endpoint },
    );
  }
  return text;
}
